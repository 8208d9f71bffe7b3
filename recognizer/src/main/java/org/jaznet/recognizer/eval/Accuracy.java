package org.jaznet.recognizer.eval;

/**
 * One row of the evaluation table: accuracies as fractions in [0, 1].
 *
 * @param unconstrained without a lexicon
 * @param lexicon constrained to the lexicon, or null when no lexicon was given
 */
public record Accuracy(double unconstrained, Double lexicon) {
  public Accuracy {
    if (!(unconstrained >= 0 && unconstrained <= 1)) {
      throw new IllegalArgumentException("unconstrained must be a fraction in [0, 1], got " + unconstrained);
    }
    if (lexicon != null && !(lexicon >= 0 && lexicon <= 1)) {
      throw new IllegalArgumentException("lexicon must be a fraction in [0, 1], got " + lexicon);
    }
  }
}
