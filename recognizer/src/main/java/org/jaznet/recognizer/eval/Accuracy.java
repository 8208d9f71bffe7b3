package org.jaznet.recognizer.eval;

/**
 * One row of the evaluation table: accuracies as fractions in [0, 1].
 *
 * @param unconstrained without a lexicon, standard protocol
 * @param lexicon constrained to the lexicon, or null when no lexicon was given
 * @param cased without a lexicon, case-sensitive protocol ({@link Protocol#matchesCased})
 * @param full without a lexicon, full protocol ({@link Protocol#matchesFull})
 */
public record Accuracy(double unconstrained, Double lexicon, double cased, double full) {
  public Accuracy {
    check("unconstrained", unconstrained);
    check("cased", cased);
    check("full", full);
    if (lexicon != null && !(lexicon >= 0 && lexicon <= 1)) {
      throw new IllegalArgumentException("lexicon must be a fraction in [0, 1], got " + lexicon);
    }
  }

  private static void check(String what, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(what + " must be a fraction in [0, 1], got " + v);
    }
  }
}
