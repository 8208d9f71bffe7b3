package org.jaznet.pages.eval;

/**
 * Counts of one scoring and the precision, recall and F they give.
 *
 * @param tp true positives (matched pairs, for end-to-end also with agreeing text)
 * @param predicted predictions counted (not dropped)
 * @param truth ground-truth words counted (not ignored)
 */
public record Prf(long tp, long predicted, long truth) {
  public Prf {
    if (tp < 0 || tp > predicted || tp > truth) {
      throw new IllegalArgumentException("need 0 <= tp <= predicted, truth; got " + tp + ", " + predicted + ", " + truth);
    }
  }

  public static final Prf ZERO = new Prf(0, 0, 0);

  public Prf plus(Prf o) {
    return new Prf(tp + o.tp, predicted + o.predicted, truth + o.truth);
  }

  /** tp / predicted; 0 when nothing was predicted. */
  public double precision() {
    return predicted == 0 ? 0 : (double) tp / predicted;
  }

  /** tp / truth; 0 when there is no counted ground truth. */
  public double recall() {
    return truth == 0 ? 0 : (double) tp / truth;
  }

  /** Harmonic mean of precision and recall; 0 when both are 0. */
  public double f() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
