package org.jaznet.recognizer.train;

/** How the learning rate moves over the run (after a linear warm-up). */
public enum LrSchedule {
  /** The base rate throughout. */
  CONSTANT,
  /** The base rate divided by 10 at 60 % and again at 85 % of the steps (the paper's step decay). */
  STEP,
  /** Half-cosine from the base rate down to 1 % of it at the last step. */
  COSINE;

  /**
   * The rate at {@code step} (0-based) of {@code totalSteps}, after {@code warmup} steps of linear
   * warm-up from 10 % of the base rate.
   */
  public double rate(double base, long step, long totalSteps, long warmup) {
    if (step < warmup) {
      return base * (0.1 + 0.9 * (step + 1) / (double) warmup);
    }
    double t = totalSteps <= warmup ? 1.0 : Math.min(1.0, (step - warmup) / (double) (totalSteps - warmup));
    return switch (this) {
      case CONSTANT -> base;
      case STEP -> t < 0.6 ? base : t < 0.85 ? base * 0.1 : base * 0.01;
      case COSINE -> base * (0.01 + 0.99 * 0.5 * (1 + Math.cos(Math.PI * t)));
    };
  }
}
