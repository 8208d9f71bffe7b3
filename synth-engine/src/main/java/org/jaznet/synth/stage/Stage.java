package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.canvas.Canvas;

/**
 * One step of the recipe. Implementations are immutable and thread-safe; all per-sample state lives in
 * the canvas and all randomness comes from {@code r}, the sample's own generator.
 */
public interface Stage {
  /** Short name for logs and benchmarks. */
  String name();

  StageOutcome apply(Canvas canvas, RandomGenerator r);
}
