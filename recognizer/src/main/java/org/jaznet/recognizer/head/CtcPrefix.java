package org.jaznet.recognizer.head;

/**
 * A prefix of a CTC prefix beam search: its text, its last symbol, and the log-probability of all its
 * alignments so far, kept apart by whether they end in a blank or in the last symbol (a repeated symbol
 * extends the text only through a blank). What {@link CtcBeamSearch} and {@link CaseRestorer} share;
 * each adds its own state. Not thread-safe: one search owns its prefixes.
 */
abstract class CtcPrefix {
  final String text;
  /** Code of the last symbol, -1 for the empty prefix. */
  final int last;
  double blank = Double.NEGATIVE_INFINITY;
  double symbol = Double.NEGATIVE_INFINITY;

  CtcPrefix(String text, int last) {
    this.text = text;
    this.last = last;
  }

  /** Log-probability of every alignment of the text to the steps so far. */
  final double total() {
    return CtcCodec.logAdd(blank, symbol);
  }

  /**
   * Adds to this prefix (the same text one step on) the paths of {@code from} that stay on its text at
   * step {@code row}: a blank, or the last symbol repeated.
   */
  final void addStay(CtcPrefix from, double[] logProbs, int row, int blankCode) {
    blank = CtcCodec.logAdd(blank, from.total() + logProbs[row + blankCode]);
    if (from.last >= 0) {
      symbol = CtcCodec.logAdd(symbol, from.symbol + logProbs[row + from.last]);
    }
  }

  /**
   * Adds to this prefix ({@code from}'s text plus symbol {@code code}, whose log-probability at this
   * step is {@code lp}) the paths of {@code from} that emit it.
   */
  final void addExtension(CtcPrefix from, int code, double lp) {
    double start = code == from.last ? from.blank : from.total();
    symbol = CtcCodec.logAdd(symbol, start + lp);
  }
}
