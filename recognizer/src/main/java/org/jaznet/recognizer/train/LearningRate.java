package org.jaznet.recognizer.train;

import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The learning rate of each step: the configured schedule after its warm-up, warmed up again after a DICT growth
 * (which resets the updater state). The rate is set on the graph only when it moves by more than 1 %.
 */
final class LearningRate {
  private final TrainConfig config;
  private double current = Double.NaN;

  LearningRate(TrainConfig config) {
    this.config = config;
  }

  /** Sets the rate of {@code step} on {@code graph}, given the step of the last DICT growth (0 for none). */
  void apply(ComputationGraph graph, long step, long lastGrowthStep) {
    // a short run must not spend most of its steps warming up
    long warmup = Math.min(config.warmupSteps(), config.steps() / 10);
    double lr = config.schedule().rate(config.learningRate(), step, config.steps(), warmup);
    if (lastGrowthStep > 0 && warmup > 0 && step - lastGrowthStep < warmup) {
      // growth resets the updater state: warm up again
      lr *= 0.1 + 0.9 * (step - lastGrowthStep + 1) / (double) warmup;
    }
    if (Double.isNaN(current) || Math.abs(lr - current) > 0.01 * current) {
      graph.setLearningRate(lr);
      current = lr;
    }
  }

  /** The rate last set (NaN before the first step and after {@link #reset}). */
  double current() {
    return current;
  }

  /** Forgets the rate set, so that the next step sets its rate on the (new) graph whatever it is. */
  void reset() {
    current = Double.NaN;
  }
}
