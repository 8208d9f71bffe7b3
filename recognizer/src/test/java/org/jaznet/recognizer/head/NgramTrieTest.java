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
