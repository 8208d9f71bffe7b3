package org.jaznet.recognizer.head;

import java.util.List;

/**
 * log p(w) of a normalised text under the training stream's text distribution: the mixture the synthetic
 * engine draws from (see {@code org.jaznet.synth.text.WordSource}), with the dictionary parts modelled by
 * a character LM so that words outside the dictionary keep a sensible probability:
 *
 * <ul>
 *   <li>short texts (share s): length L uniform in 1..4, then with even odds a dictionary word of that
 *       length, p_lm(w) / f_L with f_L the share of dictionary words of length L, or a random
 *       alphanumeric string, 36^-L;
 *   <li>numbers ((1 - s) n): digits only, length uniform in 1..4 or 1..M with even odds, 10^-L;
 *   <li>random strings ((1 - s)(1 - n) r): length uniform in 1..M, 36^-L;
 *   <li>dictionary words ((1 - s)(1 - n)(1 - r)): p_lm(w).
 * </ul>
 *
 * With every share 0 it is the character LM alone. Immutable and thread-safe.
 */
public final class TextPrior {
  private static final int SHORT_MAX = 4;
  private static final double LOG36 = Math.log(36);
  private static final double LOG10 = Math.log(10);

  /**
   * The shares of the training stream's text kinds.
   *
   * @param shortWords share of short texts (train {@code --short-words})
   * @param numbers share of numbers among the other texts ({@code --numbers})
   * @param randomStrings share of random strings among the rest ({@code --random-strings})
   * @param maxRandomLength longest random string or number (the recipe's)
   */
  public record Shares(double shortWords, double numbers, double randomStrings, int maxRandomLength) {
    /** The character LM alone. */
    public static final Shares NONE = new Shares(0, 0, 0, 10);
    /**
     * The stream of default-model stages 6-10, on which the LM weights were tuned: {@code --short-words 0.2
     * --numbers 0.06}, 10 % random strings of 1-10 (stage 11 trained with 0.25 short texts; the prior was
     * left as tuned).
     */
    public static final Shares DEFAULT_MODEL = new Shares(0.2, 0.06, 0.1, 10);

    public Shares {
      for (double v : new double[] {shortWords, numbers, randomStrings}) {
        if (!(v >= 0 && v < 1)) {
          throw new IllegalArgumentException("text shares must be in [0, 1), got " + v);
        }
      }
      if (maxRandomLength < 1) {
        throw new IllegalArgumentException("maxRandomLength must be >= 1, got " + maxRandomLength);
      }
    }
  }

  private final CharLm lm;
  private final Shares shares;
  /** log f_L for L = 1..4 (index L), -infinity when the dictionary has no word of that length. */
  private final double[] logLengthShare = new double[SHORT_MAX + 1];

  public TextPrior(CharLm lm, List<String> dictionary, Shares shares) {
    this.lm = java.util.Objects.requireNonNull(lm, "lm");
    this.shares = java.util.Objects.requireNonNull(shares, "shares");
    long[] byLength = new long[SHORT_MAX + 1];
    long total = 0;
    for (String w : dictionary) {
      int n = CharCodec.normalise(w).length();
      if (n > 0) {
        total++;
        if (n <= SHORT_MAX) {
          byLength[n]++;
        }
      }
    }
    for (int l = 1; l <= SHORT_MAX; l++) {
      logLengthShare[l] = byLength[l] == 0 || total == 0 ? Double.NEGATIVE_INFINITY : Math.log((double) byLength[l] / total);
    }
  }

  public CharLm lm() {
    return lm;
  }

  /** log p(word); the word is normalised first. */
  public double logProb(String word) {
    String w = CharCodec.normalise(word);
    double logLm = lm.logProbNormalised(w);
    double s = shares.shortWords();
    double n = shares.numbers();
    double r = shares.randomStrings();
    int m = shares.maxRandomLength();
    int len = w.length();
    double sum = Math.log1p(-s) + Math.log1p(-n) + Math.log1p(-r) + logLm;
    if (len == 0) {
      return sum;
    }
    double randomText = -len * LOG36;
    if (r > 0 && len <= m) {
      sum = CtcCodec.logAdd(sum, Math.log1p(-s) + Math.log1p(-n) + Math.log(r) - Math.log(m) + randomText);
    }
    if (n > 0 && isDigits(w)) {
      double lengthShare = (len <= SHORT_MAX ? 0.5 / Math.min(SHORT_MAX, m) : 0) + (len <= m ? 0.5 / m : 0);
      if (lengthShare > 0) {
        sum = CtcCodec.logAdd(sum, Math.log1p(-s) + Math.log(n) + Math.log(lengthShare) - len * LOG10);
      }
    }
    if (s > 0 && len <= SHORT_MAX) {
      double pick = Math.log(s) - Math.log(SHORT_MAX) + Math.log(0.5);
      sum = CtcCodec.logAdd(sum, pick + randomText);
      if (logLengthShare[len] > Double.NEGATIVE_INFINITY) {
        sum = CtcCodec.logAdd(sum, pick + logLm - logLengthShare[len]);
      }
    }
    return sum;
  }

  private static boolean isDigits(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
