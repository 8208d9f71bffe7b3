package org.jaznet.recognizer.train;

/**
 * One validation (accuracies are fractions in [0, 1], NaN when not measured).
 *
 * @param step steps done when measured
 * @param charUnseen CHAR exact-match accuracy on words never shown in training
 * @param charSeen CHAR accuracy on fresh images of training words
 * @param dictSeen DICT accuracy on fresh images of the active classes' training words
 * @param ngramF1 NGRAM mean F1 of the predicted N-gram set (threshold 0.5) on fresh images of training words
 * @param dictActive DICT classes active when measured
 * @param ctcUnseen CTC (greedy) exact-match accuracy on words never shown in training
 * @param ctcSeen CTC accuracy on fresh images of training words
 */
public record ValidationResult(long step, double charUnseen, double charSeen, double dictSeen, double ngramF1,
    int dictActive, double ctcUnseen, double ctcSeen) {

  /** A validation of a model without a CTC head. */
  public ValidationResult(long step, double charUnseen, double charSeen, double dictSeen, double ngramF1,
      int dictActive) {
    this(step, charUnseen, charSeen, dictSeen, ngramF1, dictActive, Double.NaN, Double.NaN);
  }

  /** The accuracy used to decide DICT growth and to pick the headline figure. */
  public double headline() {
    return !Double.isNaN(dictSeen) ? dictSeen : !Double.isNaN(charSeen) ? charSeen : ngramF1;
  }
}
