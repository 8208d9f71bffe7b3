package org.jaznet.recognizer.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NgramTrieTest {
  @Test
  void sums_equalEachWordsOwnDistinctNgramSum() {
    // repeated N-grams (level, banana, aaaa), words that are prefixes of others (a, ab, abc), digits
    Set<String> w = new LinkedHashSet<>(List.of("level", "banana", "aaaa", "a", "ab", "abc", "abcab", "zz9z9",
        "mississippi", "ban", "bananas", "x"));
    Random rnd = new Random(5);
    while (w.size() < 3000) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0, len = 1 + rnd.nextInt(14); k < len; k++) {
        sb.append("abcdeinorst0123456789".charAt(rnd.nextInt(21)));
      }
      w.add(sb.toString());
    }
    List<String> words = new ArrayList<>(w);
    // a vocabulary smaller than the words' N-grams, so some N-grams are not in it
    NgramVocabulary vocab = NgramVocabulary.build(words, 800);
    NgramTrie trie = new NgramTrie(words.toArray(new String[0]), vocab);
    int n = 3;
    float[] terms = new float[vocab.size() * n];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = (float) rnd.nextGaussian();
    }
    float[] out = new float[words.size() * n];
    trie.sums(terms, n, out);
    for (int i = 0; i < words.size(); i++) {
      for (int b = 0; b < n; b++) {
        double expected = 0;
        for (int g : vocab.encode(words.get(i))) {
          expected += terms[g * n + b];
        }
        assertThat((double) out[i * n + b]).as("word %s image %d", words.get(i), b).isCloseTo(expected, within(1e-4));
      }
    }
    int perWord = 0;
    for (String s : words) {
      perWord += vocab.encode(s).length;
    }
    assertThat(trie.additions()).isLessThan(perWord);
    assertThat(trie.words()).isEqualTo(words.size());
  }

  @Test
  void select_keepsEveryWordOfTheTopKAndTheWindowWithTheScoreOfSums() {
    Set<String> w = new LinkedHashSet<>(List.of("level", "banana", "aaaa", "a", "ab", "abc", "bananas"));
    Random rnd = new Random(8);
    while (w.size() < 5000) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0, len = 1 + rnd.nextInt(12); k < len; k++) {
        sb.append("abcdeilnorst0123".charAt(rnd.nextInt(16)));
      }
      w.add(sb.toString());
    }
    String[] words = w.toArray(new String[0]);
    NgramVocabulary vocab = NgramVocabulary.build(List.of(words), 1500);
    NgramTrie trie = new NgramTrie(words, vocab);
    for (int round = 0; round < 10; round++) {
      int n = 1 + round % 6;
      int k = 1 + round % 5;
      double window = round % 2 == 0 ? 25 : 3;
      float[] terms = new float[vocab.size() * n];
      double[] base = new double[n];
      for (int b = 0; b < n; b++) {
        // sharp (a few grams likely), flat, all positive
        int regime = (round + b) % 3;
        for (int g = 0; g < vocab.size(); g++) {
          terms[g * n + b] = switch (regime) {
            case 0 -> rnd.nextFloat() < 0.02f ? 3 * rnd.nextFloat() : -4 - 8 * rnd.nextFloat();
            case 1 -> (float) rnd.nextGaussian();
            default -> rnd.nextFloat();
          };
        }
        base[b] = -100 * rnd.nextDouble();
      }
      float[] all = new float[words.length * n];
      trie.sums(terms, n, all);
      NgramTrie.Candidates[] c = trie.select(terms, n, base, k, window);
      for (int b = 0; b < n; b++) {
        double[] exact = new double[words.length];
        for (int i = 0; i < words.length; i++) {
          exact[i] = all[i * n + b] + base[b];
        }
        int[] top = CompiledLexicon.topK(exact, exact.length, k);
        double threshold = Math.min(exact[top[k - 1]], exact[top[0]] - window);
        java.util.Map<Integer, Double> got = new java.util.HashMap<>();
        for (int j = 0; j < c[b].size(); j++) {
          assertThat(got.put(c[b].word(j), c[b].score(j))).as("word %d offered twice", c[b].word(j)).isNull();
          assertThat(c[b].score(j)).isEqualTo(exact[c[b].word(j)]);
        }
        for (int i = 0; i < words.length; i++) {
          if (exact[i] >= threshold) {
            assertThat(got).as("round %d image %d: %s (%.3f, threshold %.3f)", round, b, words[i], exact[i], threshold)
                .containsKey(i);
          }
        }
        if ((round + b) % 3 == 0) {
          // sharp outputs: few words come near the best, so few may be kept (the point of selecting)
          assertThat(c[b].size()).as("round %d image %d", round, b).isLessThan(words.length / 4);
        }
      }
    }
  }

  @Test
  void sums_wordOfHundredsOfCharacters_summedLikeAnyOther() {
    String longWord = "ab".repeat(150) + "xyz";
    List<String> words = List.of("ab", longWord, "xy");
    NgramVocabulary vocab = NgramVocabulary.build(words, 100);
    NgramTrie trie = new NgramTrie(words.toArray(new String[0]), vocab);
    float[] terms = new float[vocab.size()];
    for (int g = 0; g < terms.length; g++) {
      terms[g] = g + 1;
    }
    float[] out = new float[3];
    trie.sums(terms, 1, out);
    float expected = 0;
    for (int g : vocab.encode(longWord)) {
      expected += terms[g];
    }
    assertThat(out[1]).isEqualTo(expected);
  }

  @Test
  void constructor_duplicateWord_refuses() {
    NgramVocabulary vocab = NgramVocabulary.build(List.of("abc"), 10);
    assertThatThrownBy(() -> new NgramTrie(new String[] {"abc", "abc"}, vocab))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate lexicon word: abc");
  }
}
