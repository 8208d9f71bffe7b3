package org.jaznet.recognizer.head;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A lexicon's words in a prefix tree, for scoring every word's CTC log-likelihood in one pass: the
 * forward variables of a prefix (the last letter's state and the blank after it, for every step) are
 * computed once from its parent's and shared by every word that starts with it. A prefix's bound, the
 * sum over steps of its last-letter forward variable, is at least the probability of every word that
 * extends it; subtrees whose bound falls below {@link #PRUNE} times the best word are not expanded and
 * get that bound as their score: each such word is at least 13.8 nats below the best, so all of them
 * together move a 90k-word posterior by at most a few per cent (and only towards less confidence). Linear-domain
 * arithmetic in doubles (25 probabilities of at least 1e-12 do not underflow). Immutable.
 */
final class CtcTrie {
  static final double PRUNE = 1e-6;
  private static final int T = CtcCodec.STEPS;
  private static final int S = CtcCodec.SYMBOLS;

  /** Preorder nodes (index 0 is the root): symbol, depth, end of the subtree (exclusive). */
  private final byte[] symbol;
  private final byte[] depth;
  private final int[] end;
  /** The node each word ends at; whether a node ends a word. */
  private final int[] wordNode;
  private final boolean[] word;

  CtcTrie(String[] words) {
    int l = words.length;
    byte[][] codes = new byte[l][];
    for (int i = 0; i < l; i++) {
      int[] c = CtcCodec.codes(words[i]);
      codes[i] = new byte[c.length];
      for (int k = 0; k < c.length; k++) {
        codes[i][k] = (byte) c[k];
      }
    }
    Integer[] order = new Integer[l];
    for (int i = 0; i < l; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing((Integer i) -> codes[i], Arrays::compare));
    int cap = 1;
    for (byte[] c : codes) {
      cap += c.length;
    }
    byte[] sym = new byte[cap];
    byte[] dep = new byte[cap];
    int[] pathNode = new int[CtcCodec.MAX_LENGTH + 1];
    wordNode = new int[l];
    int nodes = 1;
    byte[] previous = new byte[0];
    for (int i : order) {
      byte[] c = codes[i];
      int common = 0;
      while (common < c.length && common < previous.length && c[common] == previous[common]) {
        common++;
      }
      for (int d = common; d < c.length; d++) {
        sym[nodes] = c[d];
        dep[nodes] = (byte) (d + 1);
        pathNode[d + 1] = nodes;
        nodes++;
      }
      wordNode[i] = pathNode[c.length];
      previous = c;
    }
    symbol = Arrays.copyOf(sym, nodes);
    depth = Arrays.copyOf(dep, nodes);
    word = new boolean[nodes];
    for (int n : wordNode) {
      word[n] = true;
    }
    end = new int[nodes];
    int[] stack = new int[CtcCodec.MAX_LENGTH + 2];
    int top = 0;
    for (int n = 0; n < nodes; n++) {
      while (top > 0 && depth[stack[top - 1]] >= depth[n]) {
        end[stack[--top]] = n;
      }
      stack[top++] = n;
    }
    while (top > 0) {
      end[stack[--top]] = nodes;
    }
  }

  /**
   * Writes every word's CTC log-likelihood (floored at {@link Decoder#CTC_FLOOR_LOG}) into out. Best
   * first: prefixes are expanded in order of their probability bound, each node's own word scored
   * exactly when it is reached; once the best remaining bound is below {@link #PRUNE} times the best
   * word, the unexpanded subtrees get their bound.
   */
  void score(double[] logProbs, double[] out) {
    double[] y = new double[T * S];
    for (int k = 0; k < y.length; k++) {
      y[k] = Math.exp(logProbs[k]);
    }
    double[] nodeScore = new double[symbol.length];
    nodeScore[0] = Decoder.CTC_FLOOR_LOG; // the empty word
    Prefix root = new Prefix(0, new double[T], new double[T], Double.POSITIVE_INFINITY);
    double acc = 1;
    for (int t = 0; t < T; t++) {
      acc *= y[t * S + CtcCodec.BLANK];
      root.blank[t] = acc;
    }
    java.util.PriorityQueue<Prefix> queue = new java.util.PriorityQueue<>((a, b) -> Double.compare(b.bound, a.bound));
    queue.add(root);
    double best = 0;
    while (!queue.isEmpty() && queue.peek().bound >= best * PRUNE) {
      Prefix parent = queue.poll();
      int parentSymbol = parent.node == 0 ? -1 : symbol[parent.node];
      for (int k = parent.node + 1; k < end[parent.node]; k = end[k]) {
        int c = symbol[k];
        double[] ca = new double[T];
        double[] ba = new double[T];
        boolean repeat = c == parentSymbol;
        ca[0] = parent.node == 0 ? y[c] : 0;
        double bound = ca[0];
        for (int t = 1; t < T; t++) {
          double in = ca[t - 1] + parent.blank[t - 1];
          if (!repeat) {
            in += parent.chars[t - 1];
          }
          ca[t] = in * y[t * S + c];
          ba[t] = (ba[t - 1] + ca[t - 1]) * y[t * S + CtcCodec.BLANK];
          bound += ca[t];
        }
        double p = ca[T - 1] + ba[T - 1];
        nodeScore[k] = Math.max(Math.log(p), Decoder.CTC_FLOOR_LOG);
        if (word[k]) {
          best = Math.max(best, p);
        }
        if (end[k] > k + 1) {
          queue.add(new Prefix(k, ca, ba, bound));
        }
      }
    }
    for (Prefix rest : queue) {
      double s = Math.max(Math.log(rest.bound), Decoder.CTC_FLOOR_LOG);
      for (int k = rest.node + 1; k < end[rest.node]; k++) {
        nodeScore[k] = s;
      }
    }
    for (int i = 0; i < wordNode.length; i++) {
      out[i] = nodeScore[wordNode[i]];
    }
  }

  /** A reached prefix: its node, forward variables of its last letter and trailing blank, and bound. */
  private record Prefix(int node, double[] chars, double[] blank, double bound) {}
}
