package org.jaznet.recognizer.train;

/** Progress of a {@link Trainer} run, for progress bars and logs. Called on the training thread. */
public interface TrainListener {
  /** Before the first step of this run. */
  default void onStart(long firstStep, long totalSteps) {}

  /** Every {@code logEvery} steps. */
  default void onStep(StepReport report) {}

  default void onValidation(ValidationResult result) {}

  /** Notable events: DICT growth, checkpoints, stops. */
  default void onEvent(String message) {}

  /**
   * One progress report.
   *
   * @param step steps done
   * @param totalSteps the run's length
   * @param loss mean training loss over the last report interval
   * @param learningRate the current rate
   * @param imagesPerSecond training throughput over the last report interval
   * @param dictActive DICT classes active (0 without DICT)
   * @param seconds seconds of training so far (over all resumed runs)
   * @param lastValidation the latest validation, or null
   */
  record StepReport(long step, long totalSteps, double loss, double learningRate, double imagesPerSecond,
      int dictActive, double seconds, ValidationResult lastValidation) {}
}
