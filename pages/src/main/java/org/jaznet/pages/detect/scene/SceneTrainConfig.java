package org.jaznet.pages.detect.scene;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the scene detector is trained.
 *
 * @param out the model file written at the end (FP16); checkpoints go to {@code out + ".ckpt"}
 * @param seed the network's and the crops' seed
 * @param maxMinutes training time
 * @param batch scenes per step
 * @param crop side of the square training crops, a multiple of 16
 * @param learningRate Adam's rate (decayed by 10x over the last fifth of the time)
 * @param checkpointMinutes minutes between checkpoints
 * @param resume continue from the checkpoint if there is one
 * @param validation held-out scenes scored at each checkpoint
 */
public record SceneTrainConfig(Path out, long seed, double maxMinutes, int batch, int crop, double learningRate,
    double checkpointMinutes, boolean resume, int validation) {
  public SceneTrainConfig {
    Objects.requireNonNull(out, "out");
    checkArgument(maxMinutes > 0, "maxMinutes must be > 0");
    checkArgument(batch >= 1, "batch must be >= 1");
    checkArgument(crop >= 64 && crop % 16 == 0, "crop must be >= 64 and a multiple of 16, got %s", crop);
    checkArgument(learningRate > 0, "learningRate must be > 0");
    checkArgument(checkpointMinutes > 0, "checkpointMinutes must be > 0");
    checkArgument(validation >= 0, "validation must be >= 0");
  }

  public Path checkpoint() {
    return out.resolveSibling(out.getFileName() + ".ckpt");
  }
}
