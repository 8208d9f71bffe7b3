package org.jaznet.recognizer.head;

/**
 * One image's head outputs turned into log-score tables, so that scoring a word is a few array reads.
 * CHAR: log p(symbol at position) of the standard [37, 23] layout (a PRINT head's probabilities folded first,
 * {@link CharCodec#fold}) with the log-probability of nulls from each position to the end precomputed. NGRAM:
 * log(1 - p) summed over the vocabulary once, plus log p - log(1 - p) per N-gram.
 */
final class ImageScores {
  static final double CHAR_FLOOR = 1e-10;
  static final double NGRAM_EPS = 1e-6;
  static final double DICT_FLOOR = 1e-8;
  static final double DICT_FLOOR_LOG = Math.log(DICT_FLOOR);

  private static final int P = CharCodec.POSITIONS;
  private static final int S = CharCodec.SYMBOLS;

  /** [position * 37 + symbol]. */
  final double[] charLogp;
  /** [p] = sum over q &gt;= p of log p(null at q); [23] = 0. */
  final double[] nullSuffix;
  final double[] ngramLr;
  final double ngramBase;
  /** CTC log-probabilities of the standard (folded) lattice, step-major [step * 37 + symbol], or null. */
  final double[] ctcLogp;
  /** The CTC head's full lattice [step * classes + symbol] (the same array as ctcLogp for a LOWER head), or null. */
  final double[] ctcFull;
  /** The CTC head's symbol set. */
  final SymbolSet ctcSymbols;
  /** The CHAR head's symbol set. */
  final SymbolSet charSymbols;
  /**
   * The CHAR head's reading in its standard form (argmax per position of the folded probabilities, {@link
   * CharCodec#fold}); null without a CHAR head.
   */
  final String charStandard;
  private final float[] dict;
  private final int dictOffset;
  private final int dictActive;

  ImageScores(HeadOutputs out, int i) {
    charSymbols = out.charSymbols();
    if (out.chars() != null) {
      charLogp = new double[P * S];
      CharCodec charCodec = CharCodec.of(charSymbols);
      // a LOWER head's own probabilities; a PRINT head's folded to the same [37, 23] layout
      float[] probs = charSymbols == SymbolSet.LOWER ? out.chars() : charCodec.fold(out.chars(), i * charCodec.width());
      int off = charSymbols == SymbolSet.LOWER ? i * P * S : 0;
      for (int s = 0; s < S; s++) {
        for (int p = 0; p < P; p++) {
          charLogp[p * S + s] = Math.log(Math.max(probs[off + s * P + p], CHAR_FLOOR));
        }
      }
      charStandard = CharCodec.decode(probs, off);
      nullSuffix = new double[P + 1];
      for (int p = P - 1; p >= 0; p--) {
        nullSuffix[p] = nullSuffix[p + 1] + charLogp[p * S + CharCodec.NULL];
      }
    } else {
      charLogp = null;
      nullSuffix = null;
      charStandard = null;
    }
    if (out.ngram() != null) {
      int v = out.ngramWidth();
      ngramLr = new double[v];
      double base = 0;
      int off = i * v;
      for (int g = 0; g < v; g++) {
        double p = Math.min(Math.max(out.ngram()[off + g], NGRAM_EPS), 1 - NGRAM_EPS);
        // p >= 1e-6, so 1 - p in double loses at most ~1e-16 relative; Math.log1p is the slow
        // StrictMath routine on Java 17 (about 3 % of a batch run, measured with JFR)
        double lq = Math.log(1 - p);
        base += lq;
        ngramLr[g] = Math.log(p) - lq;
      }
      ngramBase = base;
    } else {
      ngramLr = null;
      ngramBase = 0;
    }
    ctcSymbols = out.ctcSymbols();
    CtcCodec codec = CtcCodec.of(ctcSymbols);
    ctcFull = out.ctc() == null ? null : codec.fullLogSoftmax(out.ctc(), i * codec.width());
    ctcLogp = ctcFull == null ? null : codec.fold(ctcFull);
    dict = out.dict();
    dictActive = out.dictWidth();
    dictOffset = i * dictActive;
  }

  /** Sum of per-position log-probabilities of the codes, then null up to position 23. */
  double charScore(byte[] codes, int from, int len) {
    double s = nullSuffix[len];
    for (int p = 0; p < len; p++) {
      s += charLogp[p * S + codes[from + p]];
    }
    return s;
  }

  /** Log-likelihood of the word's N-gram set (given as vocabulary indices) under independent sigmoids. */
  double ngramScore(int[] grams, int from, int to) {
    double s = ngramBase;
    for (int k = from; k < to; k++) {
      s += ngramLr[grams[k]];
    }
    return s;
  }

  /** CTC log-likelihood of a normalised word. */
  double ctcScore(String word) {
    return CtcCodec.logLikelihood(ctcLogp, CtcCodec.codes(word));
  }

  /** log p(class), or log 1e-8 for a word that is not an active class. */
  double dictScore(int cls) {
    if (cls < 0 || cls >= dictActive) {
      return DICT_FLOOR_LOG;
    }
    return Math.log(Math.max(dict[dictOffset + cls], DICT_FLOOR));
  }

  int dictActive() {
    return dictActive;
  }

  float dictProbability(int cls) {
    return dict[dictOffset + cls];
  }
}
