package org.jaznet.recognizer.head;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A lexicon's words in a prefix tree, for scoring every word's CTC log-likelihood in one pass: the
 * forward variables of a prefix (the last letter's state and the blank after it, for every step) are
 * computed once from its parent's and shared by every word that starts with it. Subtrees whose
 * probability bound (sum over steps of the prefix's last-letter forward variable) falls below
 * {@link #PRUNE} times the best word found so far are skipped and get that bound as their score:
 * such words are at least 27 nats below the best and do not change a posterior. Linear-domain
 * arithmetic in doubles (25 probabilities of at least 1e-12 do not underflow). Immutable.
 */
final class CtcTrie {
  static final double PRUNE = 1e-12;
  private static final int T = CtcCodec.STEPS;
  private static final int S = CtcCodec.SYMBOLS;

  /** Preorder nodes (index 0 is the root): symbol, depth, end of the subtree (exclusive). */
  private final byte[] symbol;
  private final byte[] depth;
  private final int[] end;
  /** The node each word ends at. */
  private final int[] wordNode;

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

  /** Writes every word's CTC log-likelihood (floored at {@link Decoder#CTC_FLOOR_LOG}) into out. */
  void score(double[] logProbs, double[] out) {
    double[] y = new double[T * S];
    for (int k = 0; k < y.length; k++) {
      y[k] = Math.exp(logProbs[k]);
    }
    int maxDepth = CtcCodec.MAX_LENGTH;
    double[][] charA = new double[maxDepth + 1][T];
    double[][] blankA = new double[maxDepth + 1][T];
    int[] pathSymbol = new int[maxDepth + 1];
    double acc = 1;
    for (int t = 0; t < T; t++) {
      acc *= y[t * S + CtcCodec.BLANK];
      blankA[0][t] = acc;
    }
    pathSymbol[0] = -1;
    double[] nodeScore = new double[symbol.length];
    nodeScore[0] = Decoder.CTC_FLOOR_LOG; // the empty word
    double best = 0;
    int n = 1;
    while (n < symbol.length) {
      int d = depth[n];
      int c = symbol[n];
      pathSymbol[d] = c;
      double[] ca = charA[d];
      double[] ba = blankA[d];
      double[] pc = charA[d - 1];
      double[] pb = blankA[d - 1];
      boolean repeat = c == pathSymbol[d - 1];
      ca[0] = d == 1 ? y[c] : 0;
      ba[0] = 0;
      double bound = ca[0];
      for (int t = 1; t < T; t++) {
        double in = ca[t - 1] + pb[t - 1];
        if (!repeat) {
          in += pc[t - 1];
        }
        ca[t] = in * y[t * S + c];
        ba[t] = (ba[t - 1] + ca[t - 1]) * y[t * S + CtcCodec.BLANK];
        bound += ca[t];
      }
      if (bound < best * PRUNE) {
        double s = Math.max(Math.log(bound), Decoder.CTC_FLOOR_LOG);
        for (int k = n; k < end[n]; k++) {
          nodeScore[k] = s;
        }
        n = end[n];
        continue;
      }
      double p = ca[T - 1] + ba[T - 1];
      best = Math.max(best, p);
      nodeScore[n] = Math.max(Math.log(p), Decoder.CTC_FLOOR_LOG);
      n++;
    }
    for (int i = 0; i < wordNode.length; i++) {
      out[i] = nodeScore[wordNode[i]];
    }
  }
}
