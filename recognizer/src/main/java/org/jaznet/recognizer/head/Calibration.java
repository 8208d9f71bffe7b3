package org.jaznet.recognizer.head;

import org.jaznet.recognizer.HeadKind;

/**
 * Parameters of the fusion of heads: a candidate word w scores z(w) = sum over heads of
 * weight(head) * logScore(head, w) (for DICT, {@link #dictWeight(int) dictWeight(|w|)}), and a pseudo-candidate
 * "none of these" scores {@code otherBias};
 * confidence(w) = exp z(w) / (exp otherBias + sum over candidates exp z). The weights also act as
 * inverse temperatures. Fitted on held-out synthetic data by {@link Fusion#fit}; stored in the model file.
 *
 * <p>Words of at most {@value #SHORT_WORD} characters have weights of their own for DICT, CHAR and CTC
 * ({@code shortDictWeight}, {@code shortCharWeight}, {@code shortCtcWeight}; NGRAM's is shared). DICT is a
 * closed-set classifier over its active classes (about 11 % of the training words at every length), confident
 * on images of words it does not know, and on a one- or two-character word the other heads' evidence is one or
 * two characters' worth, too little to outvote it: the default models' 10,000 classes hold three one-letter
 * words (o, h, r), and with one DICT weight for all lengths the fused reading read most single characters of
 * ICDAR 2013 as one of those three. How far CHAR and CTC are to be trusted also differs on such words (CHAR
 * reads single characters better than CTC).
 *
 * @param fittedOn number of examples the parameters were fitted on (0: the uncalibrated defaults)
 * @param shortDictWeight DICT's weight for candidates of at most {@value #SHORT_WORD} characters
 * @param shortCharWeight CHAR's weight for them
 * @param shortCtcWeight CTC's weight for them
 */
public record Calibration(double dictWeight, double charWeight, double ngramWeight, double ctcWeight, double otherBias,
    int fittedOn, double shortDictWeight, double shortCharWeight, double shortCtcWeight) {
  /** Candidates of at most this many characters take the short-word weights. */
  public static final int SHORT_WORD = 2;

  /**
   * Uncalibrated defaults: N-gram log-likelihoods sum over many outputs, so they get a smaller weight;
   * "none of these" sits well below a confident reading's score. Fit real values with {@link Fusion#fit}.
   */
  public static final Calibration DEFAULT = new Calibration(1.0, 1.0, 0.1, 1.0, -8.0, 0);

  /**
   * The same weights for every length (model files written before the short-word weights existed read as
   * they were fitted).
   */
  public Calibration(double dictWeight, double charWeight, double ngramWeight, double ctcWeight, double otherBias,
      int fittedOn) {
    this(dictWeight, charWeight, ngramWeight, ctcWeight, otherBias, fittedOn, dictWeight, charWeight, ctcWeight);
  }

  /** A short-word weight for DICT only; CHAR and CTC weigh every length alike. */
  public Calibration(double dictWeight, double charWeight, double ngramWeight, double ctcWeight, double otherBias,
      int fittedOn, double shortDictWeight) {
    this(dictWeight, charWeight, ngramWeight, ctcWeight, otherBias, fittedOn, shortDictWeight, charWeight, ctcWeight);
  }

  /** A calibration of a model without a CTC head (files written before the CTC head existed). */
  public Calibration(double dictWeight, double charWeight, double ngramWeight, double otherBias, int fittedOn) {
    this(dictWeight, charWeight, ngramWeight, 1.0, otherBias, fittedOn);
  }

  public Calibration {
    for (double v : new double[] {dictWeight, charWeight, ngramWeight, ctcWeight, otherBias, shortDictWeight,
        shortCharWeight, shortCtcWeight}) {
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
    return weight(HeadKind.DICT, length);
  }

  /** A head's weight for a candidate of {@code length} characters. */
  public double weight(HeadKind head, int length) {
    if (length > SHORT_WORD) {
      return weight(head);
    }
    return switch (head) {
      case DICT -> shortDictWeight;
      case CHAR -> shortCharWeight;
      case NGRAM -> ngramWeight;
      case CTC -> shortCtcWeight;
    };
  }

  /** Whether some head weighs short words otherwise than longer ones. */
  public boolean lengthDependent() {
    return shortDictWeight != dictWeight || shortCharWeight != charWeight || shortCtcWeight != ctcWeight;
  }

  /** A head's weight for words longer than {@value #SHORT_WORD} characters (see {@link #weight(HeadKind, int)}). */
  public double weight(HeadKind head) {
    return switch (head) {
      case DICT -> dictWeight;
      case CHAR -> charWeight;
      case NGRAM -> ngramWeight;
      case CTC -> ctcWeight;
    };
  }
}
