package org.jaznet.recognizer.head;

import org.jaznet.recognizer.HeadKind;

/**
 * Parameters of the fusion of heads: a candidate word w scores z(w) = sum over heads of
 * weight(head) * logScore(head, w), and a pseudo-candidate "none of these" scores {@code otherBias};
 * confidence(w) = exp z(w) / (exp otherBias + sum over candidates exp z). The weights also act as
 * inverse temperatures. Fitted on held-out synthetic data by {@link Fusion#fit}; stored in the model file.
 *
 * @param fittedOn number of examples the parameters were fitted on (0: the uncalibrated defaults)
 */
public record Calibration(double dictWeight, double charWeight, double ngramWeight, double ctcWeight, double otherBias,
    int fittedOn) {
  /**
   * Uncalibrated defaults: N-gram log-likelihoods sum over many outputs, so they get a smaller weight;
   * "none of these" sits well below a confident reading's score. Fit real values with {@link Fusion#fit}.
   */
  public static final Calibration DEFAULT = new Calibration(1.0, 1.0, 0.1, 1.0, -8.0, 0);

  /** A calibration of a model without a CTC head (files written before the CTC head existed). */
  public Calibration(double dictWeight, double charWeight, double ngramWeight, double otherBias, int fittedOn) {
    this(dictWeight, charWeight, ngramWeight, 1.0, otherBias, fittedOn);
  }

  public Calibration {
    for (double v : new double[] {dictWeight, charWeight, ngramWeight, ctcWeight, otherBias}) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("calibration parameters must be finite, got " + v);
      }
    }
    if (fittedOn < 0) {
      throw new IllegalArgumentException("fittedOn must be >= 0, got " + fittedOn);
    }
  }

  public double weight(HeadKind head) {
    return switch (head) {
      case DICT -> dictWeight;
      case CHAR -> charWeight;
      case NGRAM -> ngramWeight;
      case CTC -> ctcWeight;
    };
  }
}
