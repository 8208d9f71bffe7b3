package org.jaznet.recognizer.head;

/**
 * How the unconstrained fused reading uses a character language model ({@link CharLm}) estimated from
 * the model's dictionary: the CTC head's prefix beam search ({@link CtcBeamSearch}) proposes
 * {@code candidates} readings scored with the model, and every fused candidate w gets
 * {@code weight * log p(w) + lengthBonus * |w|} added to its fused score, p being the training stream's
 * text distribution with the LM for its dictionary words ({@link TextPrior}; with
 * {@link TextPrior.Shares#NONE} the LM alone). Lexicon-constrained readings are unchanged.
 *
 * @param order N of the character N-grams (2-6)
 * @param weight weight of log p_lm (0: off)
 * @param lengthBonus added per character (compensates the LM's cost per character)
 * @param beamWidth prefixes the beam search keeps per step
 * @param candidates beam readings added to the fused candidates
 * @param shares the training stream's text kinds ({@link TextPrior})
 */
public record LmSettings(int order, double weight, double lengthBonus, int beamWidth, int candidates,
    TextPrior.Shares shares) {
  /** No language model: the fused reading of the heads alone. */
  public static final LmSettings OFF = new LmSettings(5, 0, 0, 1, 0);
  /**
   * The default: the training stream's text mix ({@link TextPrior.Shares#DEFAULT_MODEL}) with a 6-gram LM,
   * weight 0.5, bonus 2.0 per character; chosen on 3,500 synthetic images of held-out words (never
   * trained on, the LM estimated without them), with the run's shares of short words, random strings
   * and numbers: the stage-8 model's fused reading went from 76.2 % to 85.6 % there (grid in
   * models/README.md). The real test sets played no part in the choice.
   */
  public static final LmSettings DEFAULT = new LmSettings(6, 0.5, 2.0, 8, 3, TextPrior.Shares.DEFAULT_MODEL);

  /** The character LM alone as the prior ({@link TextPrior.Shares#NONE}). */
  public LmSettings(int order, double weight, double lengthBonus, int beamWidth, int candidates) {
    this(order, weight, lengthBonus, beamWidth, candidates, TextPrior.Shares.NONE);
  }

  public LmSettings {
    java.util.Objects.requireNonNull(shares, "shares");
    if (order < 2 || order > 6) {
      throw new IllegalArgumentException("LM order must be in [2, 6], got " + order);
    }
    if (!(weight >= 0) || !Double.isFinite(weight) || !Double.isFinite(lengthBonus)) {
      throw new IllegalArgumentException("LM weight must be finite and >= 0 and the length bonus finite, got "
          + weight + " and " + lengthBonus);
    }
    if (beamWidth < 1 || candidates < 0) {
      throw new IllegalArgumentException("beam width must be >= 1 and candidates >= 0, got " + beamWidth + " and "
          + candidates);
    }
  }

  /** True when the language model changes anything. */
  public boolean enabled() {
    return weight > 0 || candidates > 0;
  }

  public LmSettings withOrder(int n) {
    return new LmSettings(n, weight, lengthBonus, beamWidth, candidates, shares);
  }

  public LmSettings withWeight(double w, double bonus) {
    return new LmSettings(order, w, bonus, beamWidth, candidates, shares);
  }

  public LmSettings withShares(TextPrior.Shares s) {
    return new LmSettings(order, weight, lengthBonus, beamWidth, candidates, s);
  }
}
