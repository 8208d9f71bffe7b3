package org.jaznet.recognizer.head;

import org.jaznet.recognizer.HeadKind;

/**
 * Parameters of the fusion of heads: a candidate word w scores z(w) = sum over heads of
 * weight(head) * logScore(head, w) (for DICT, {@link #dictWeight(int) dictWeight(|w|)}), and a pseudo-candidate
 * "none of these" scores {@code otherBias};
 * confidence(w) = exp z(w) / (exp otherBias + sum over candidates exp z). The weights also act as
 * inverse temperatures. Fitted on held-out synthetic data by {@link Fusion#fit}; stored in the model file.
 *
 * <p>DICT has a weight of its own for words of at most {@value #SHORT_WORD} characters, {@code shortDictWeight}:
 * DICT is a closed-set classifier over its active classes (about 11 % of the training words at every length),
 * confident on images of words it does not know, and on a one- or two-character word the other heads' evidence
 * is one or two characters' worth, too little to outvote it. The default models' 10,000 classes hold three
 * one-letter words (o, h, r): with one DICT weight for all lengths, the fused reading read most single
 * characters of ICDAR 2013 as one of those three.
 *
 * @param fittedOn number of examples the parameters were fitted on (0: the uncalibrated defaults)
 * @param shortDictWeight DICT's weight for candidates of at most {@value #SHORT_WORD} characters
 */
public record Calibration(double dictWeight, double charWeight, double ngramWeight, double ctcWeight, double otherBias,
    int fittedOn, double shortDictWeight) {
  /** Candidates of at most this many characters take {@link #shortDictWeight}. */
  public static final int SHORT_WORD = 2;

  /**
   * Uncalibrated defaults: N-gram log-likelihoods sum over many outputs, so they get a smaller weight;
   * "none of these" sits well below a confident reading's score. Fit real values with {@link Fusion#fit}.
   */
  public static final Calibration DEFAULT = new Calibration(1.0, 1.0, 0.1, 1.0, -8.0, 0);

  /**
   * One DICT weight for every length (model files written before {@code shortDictWeight} existed read as
   * they were fitted).
   */
  public Calibration(double dictWeight, double charWeight, double ngramWeight, double ctcWeight, double otherBias,
      int fittedOn) {
    this(dictWeight, charWeight, ngramWeight, ctcWeight, otherBias, fittedOn, dictWeight);
  }

  /** A calibration of a model without a CTC head (files written before the CTC head existed). */
  public Calibration(double dictWeight, double charWeight, double ngramWeight, double otherBias, int fittedOn) {
    this(dictWeight, charWeight, ngramWeight, 1.0, otherBias, fittedOn);
  }

  public Calibration {
    for (double v : new double[] {dictWeight, charWeight, ngramWeight, ctcWeight, otherBias, shortDictWeight}) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("calibration parameters must be finite, got " + v);
      }
    }
    if (fittedOn < 0) {
      throw new IllegalArgumentException("fittedOn must be >= 0, got " + fittedOn);
    }
  }

  /** DICT's weight for a candidate of {@code length} characters. */
  public double dictWeight(int length) {
    return length <= SHORT_WORD ? shortDictWeight : dictWeight;
  }

  /** A head's weight ({@link #dictWeight} for DICT: see {@link #dictWeight(int)} for short words). */
  public double weight(HeadKind head) {
    return switch (head) {
      case DICT -> dictWeight;
      case CHAR -> charWeight;
      case NGRAM -> ngramWeight;
      case CTC -> ctcWeight;
    };
  }
}
