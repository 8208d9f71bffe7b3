package org.jaznet.recognizer.train;

/**
 * When DICT grows by {@code dictStep} classes: its validation accuracy reaches {@code dictGrowAccuracy}, it stops
 * improving (by half a point) for {@code dictGrowPatience} validations, or {@code dictGrowMaxSteps} steps have passed
 * since the last growth. Its state goes into every checkpoint.
 */
final class DictGrowth {
  private final TrainConfig config;
  private long lastGrowthStep;
  private double bestDict;
  private int validationsSinceBest;

  DictGrowth(TrainConfig config) {
    this.config = config;
  }

  /** Takes the state a checkpoint recorded. */
  void restore(Checkpoints.TrainState s) {
    lastGrowthStep = s.lastGrowthStep();
    bestDict = s.bestDict();
    validationsSinceBest = s.validationsSinceBest();
  }

  /** Records a validation's DICT accuracy (NaN without DICT). */
  void onValidation(double dictSeen) {
    if (!Double.isNaN(dictSeen)) {
      if (dictSeen > bestDict + 0.005) {
        bestDict = dictSeen;
        validationsSinceBest = 0;
      } else {
        validationsSinceBest++;
      }
    }
  }

  /**
   * Why DICT grows after {@code step}, or null when it does not.
   *
   * @param validated whether this step ended with a validation
   * @param last the latest validation, or null
   */
  String reason(long step, boolean validated, ValidationResult last) {
    boolean byAccuracy = validated && last != null && last.dictSeen() >= config.dictGrowAccuracy();
    boolean byPlateau = validated && validationsSinceBest >= config.dictGrowPatience();
    boolean bySteps = step - lastGrowthStep >= config.dictGrowMaxSteps();
    if (!(byAccuracy || byPlateau || bySteps)) {
      return null;
    }
    return byAccuracy ? "accuracy reached" : byPlateau ? "accuracy plateaued" : "step limit";
  }

  /** DICT grew after {@code step}: the best accuracy and the patience start again. */
  void grown(long step) {
    lastGrowthStep = step;
    bestDict = 0;
    validationsSinceBest = 0;
  }

  /** Step of the last DICT growth (0 at the start). */
  long lastGrowthStep() {
    return lastGrowthStep;
  }

  /** Best validation DICT accuracy since the last growth. */
  double bestDict() {
    return bestDict;
  }

  /** Validations since {@link #bestDict} last improved. */
  int validationsSinceBest() {
    return validationsSinceBest;
  }
}
