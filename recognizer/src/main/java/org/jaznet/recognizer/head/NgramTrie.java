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
   * The reading uses {@link #select}, which keeps only the words it needs; this dense form is the
   * reference that {@code select} is tested against; the two walks are kept as separate loops (not one
   * walk with a per-word callback) so that the hot loop makes no calls.
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

  /**
   * For each of the {@code n} images interleaved in {@code terms} (as in {@link #sums}), the words that
   * can be among its {@code k} best or within {@code window} of its best, with their scores {@code
   * (double) sum + base[b]}: the same float sums as {@link #sums} (same additions, same order), but each
   * word's score is compared at its end node with the image's running threshold instead of being
   * written out, so no words x images array is made and no second pass reads it. Every word left out
   * scores below the image's k-th best and below its best minus the window, so a top-k and a
   * log-sum-exp that skips terms more than the window below the maximum come out the same over the
   * candidates as over all words.
   */
  Candidates[] select(float[] terms, int n, double[] base, int k, double window) {
    if (n == 1) {
      return new Candidates[] {select(terms, base[0], k, window)};
    }
    Candidates[] c = new Candidates[n];
    double[] low = new double[n];
    for (int b = 0; b < n; b++) {
      c[b] = new Candidates(k, window);
      low[b] = Double.NEGATIVE_INFINITY;
    }
    float[] acc = new float[(maxDepth + 1) * n];
    for (int kk = 0; kk < depth.length; kk++) {
      int d = depth[kk];
      int dst = d * n;
      int src = dst - n;
      int q = offsets[kk];
      int e = offsets[kk + 1];
      if (q == e) {
        System.arraycopy(acc, src, acc, dst, n);
      } else {
        // the first gram's terms are added to the parent's row while copying it (one pass, same float sums)
        int at = grams[q] * n;
        for (int b = 0; b < n; b++) {
          acc[dst + b] = acc[src + b] + terms[at + b];
        }
        for (q++; q < e; q++) {
          at = grams[q] * n;
          for (int b = 0; b < n; b++) {
            acc[dst + b] += terms[at + b];
          }
        }
      }
      int w = word[kk];
      if (w >= 0) {
        for (int b = 0; b < n; b++) {
          double x = acc[dst + b] + base[b];
          if (x >= low[b]) {
            c[b].offer(w, x);
            low[b] = c[b].threshold();
          }
        }
      }
    }
    return c;
  }

  /** {@link #select} for one image: the same additions in the same order, without the per-node copies. */
  private Candidates select(float[] terms, double base, int k, double window) {
    Candidates c = new Candidates(k, window);
    double low = Double.NEGATIVE_INFINITY;
    float[] acc = new float[maxDepth + 1];
    for (int kk = 0; kk < depth.length; kk++) {
      int d = depth[kk];
      float a = acc[d - 1];
      for (int q = offsets[kk], e = offsets[kk + 1]; q < e; q++) {
        a += terms[grams[q]];
      }
      acc[d] = a;
      int w = word[kk];
      if (w >= 0) {
        double x = a + base;
        if (x >= low) {
          c.offer(w, x);
          low = c.threshold();
        }
      }
    }
    return c;
  }

  /**
   * Words offered during a walk that could still matter: a word scoring below the current threshold
   * (the smaller of the k-th best so far and the best so far minus the window) is dropped; the kept ones
   * are a superset of the words at or above the final threshold. Each word is offered once.
   */
  static final class Candidates {
    private final int k;
    private final double window;
    private final double[] best;
    private int filled;
    private double max = Double.NEGATIVE_INFINITY;
    private int[] words = new int[64];
    private double[] scores = new double[64];
    private int size;

    Candidates(int k, double window) {
      this.k = k;
      this.window = window;
      this.best = new double[k];
    }

    double threshold() {
      return filled < k ? Double.NEGATIVE_INFINITY : Math.min(best[k - 1], max - window);
    }

    void offer(int word, double score) {
      if (score < threshold()) {
        return;
      }
      if (size == words.length) {
        words = Arrays.copyOf(words, size * 2);
        scores = Arrays.copyOf(scores, size * 2);
      }
      words[size] = word;
      scores[size] = score;
      size++;
      max = Math.max(max, score);
      // keep the k best values seen
      int j = Math.min(filled, k - 1);
      if (filled < k || score > best[j]) {
        while (j > 0 && score > best[j - 1]) {
          best[j] = best[j - 1];
          j--;
        }
        best[j] = score;
        filled = Math.min(k, filled + 1);
      }
    }

    int size() {
      return size;
    }

    int word(int i) {
      return words[i];
    }

    double score(int i) {
      return scores[i];
    }
  }
}
