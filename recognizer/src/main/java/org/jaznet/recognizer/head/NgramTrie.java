package org.jaznet.recognizer.head;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every word's NGRAM sum for a batch of images, in one pass over a prefix trie of the words.
 *
 * <p>A word's NGRAM score is the sum, over the distinct vocabulary N-grams it contains, of a per-gram
 * term. The N-grams that end at the last character of a prefix and do not occur earlier in it are the
 * ones that prefix adds to its parent's set; so walking the trie in depth-first order and adding, at
 * each node, only the terms of its new N-grams gives every word's sum at its end node. Words that share
 * prefixes share those additions: on the 90k dictionary with its 10k N-grams that is about a third of
 * the additions of summing each word's N-grams on its own.
 *
 * <p>Nodes are stored in depth-first order (a node's parent is the last earlier node one level up), so
 * the walk needs one accumulator row per level, not per node. Immutable and thread-safe.
 */
final class NgramTrie {
  /** Depth of each node (1 = first character), depth-first order. */
  private final int[] depth;
  /** CSR: the vocabulary indices node k adds are {@code grams[offsets[k] .. offsets[k + 1])}. */
  private final int[] offsets;
  private final int[] grams;
  /** The word ending at node k, or -1. */
  private final int[] word;
  private final int maxDepth;
  private final int words;

  /** Builds the trie of {@code words} (normalised, distinct) over the vocabulary's N-grams. */
  NgramTrie(String[] words, NgramVocabulary vocab) {
    this.words = words.length;
    Integer[] order = new Integer[words.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing(i -> words[i]));
    List<Integer> wordOf = new ArrayList<>();
    List<Integer> depths = new ArrayList<>();
    List<int[]> added = new ArrayList<>();
    String previous = "";
    int deepest = 0;
    for (int i : order) {
      String w = words[i];
      int common = commonPrefix(previous, w);
      if (common == w.length()) {
        // w is a prefix of the previous word: impossible in sorted order unless equal (words are distinct)
        throw new IllegalArgumentException("duplicate lexicon word: " + w);
      }
      for (int d = common + 1; d <= w.length(); d++) {
        depths.add(d);
        added.add(newGrams(w, d, vocab));
        wordOf.add(d == w.length() ? i : -1);
      }
      deepest = Math.max(deepest, w.length());
      previous = w;
    }
    int nodes = depths.size();
    depth = new int[nodes];
    word = new int[nodes];
    offsets = new int[nodes + 1];
    for (int k = 0; k < nodes; k++) {
      depth[k] = depths.get(k);
      word[k] = wordOf.get(k);
      offsets[k + 1] = offsets[k] + added.get(k).length;
    }
    grams = new int[offsets[nodes]];
    for (int k = 0; k < nodes; k++) {
      System.arraycopy(added.get(k), 0, grams, offsets[k], added.get(k).length);
    }
    maxDepth = deepest;
  }

  private static int commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /**
   * Vocabulary indices of the N-grams that end at character {@code d - 1} of {@code w} and do not occur
   * in its first {@code d - 1} characters.
   */
  private static int[] newGrams(String w, int d, NgramVocabulary vocab) {
    int[] out = new int[NgramVocabulary.MAX_N];
    int k = 0;
    for (int n = 1; n <= NgramVocabulary.MAX_N && n <= d; n++) {
      String g = w.substring(d - n, d);
      int first = w.indexOf(g);
      if (first < d - n) {
        continue; // already counted at an earlier position of the prefix
      }
      int index = vocab.indexOf(g);
      if (index >= 0) {
        out[k++] = index;
      }
    }
    return Arrays.copyOf(out, k);
  }

  int nodes() {
    return depth.length;
  }

  /** N-gram additions of one walk (for comparison with summing each word on its own). */
  int additions() {
    return grams.length;
  }

  /**
   * Writes {@code out[word * n + b] = sum of terms[gram * n + b]} over the word's distinct vocabulary
   * N-grams, for the {@code n} images interleaved in {@code terms}. The sums are in float, added in the
   * trie's order (a word's N-grams by the position where they end), the same for any batch size.
   */
  void sums(float[] terms, int n, float[] out) {
    if (n == 1) {
      sums(terms, out);
      return;
    }
    float[] acc = new float[(maxDepth + 1) * n];
    for (int k = 0; k < depth.length; k++) {
      int d = depth[k];
      int dst = d * n;
      System.arraycopy(acc, dst - n, acc, dst, n);
      for (int q = offsets[k], e = offsets[k + 1]; q < e; q++) {
        int at = grams[q] * n;
        for (int b = 0; b < n; b++) {
          acc[dst + b] += terms[at + b];
        }
      }
      int w = word[k];
      if (w >= 0) {
        System.arraycopy(acc, dst, out, w * n, n);
      }
    }
  }

  /** {@link #sums} for one image: the same additions in the same order, without the per-node copies. */
  private void sums(float[] terms, float[] out) {
    float[] acc = new float[maxDepth + 1];
    for (int k = 0; k < depth.length; k++) {
      int d = depth[k];
      float a = acc[d - 1];
      for (int q = offsets[k], e = offsets[k + 1]; q < e; q++) {
        a += terms[grams[q]];
      }
      acc[d] = a;
      int w = word[k];
      if (w >= 0) {
        out[w] = a;
      }
    }
  }

  int words() {
    return words;
  }
}
