package org.jaznet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jaznet.pages.PageException;
import org.jaznet.pages.detect.WordDetectors;
import org.jaznet.pages.detect.scene.SceneNetConfig;
import org.jaznet.pages.detect.scene.SceneTrainConfig;
import org.jaznet.pages.detect.scene.SceneTrainer;
import org.jaznet.pages.detect.scene.SynthScenes;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.scene.SceneSynth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jaznet train-detector}: trains the scene word detector on synthetic scenes only. */
@Command(name = "train-detector", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Train the scene word detector (--detector scene) on synthetic scenes rendered on the fly, never on real photographs.",
      "Checkpoints go to <out>.ckpt every --checkpoint-minutes; --resume continues from the last one.",
      "Validation: --validation held-out scenes of --validation-seed, scored at every checkpoint."})
final class TrainDetectorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"--out", "--output"}, paramLabel = "FILE",
      description = "model file to write (default: the shipped models/jaznet-scene-detector.zip)")
  Path out;

  @Option(names = "--max-minutes", defaultValue = "60", paramLabel = "M", description = "training time (default: ${DEFAULT-VALUE})")
  double minutes;

  @Option(names = "--seed", defaultValue = "1", description = "seed of the weights, crops and training scenes (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--validation-seed", defaultValue = "7001",
      description = "seed of the held-out validation scenes (default: ${DEFAULT-VALUE})")
  long validationSeed;

  @Option(names = "--validation", defaultValue = "60", paramLabel = "N", description = "validation scenes (default: ${DEFAULT-VALUE})")
  int validation;

  @Option(names = {"--batch", "--batch-size"}, defaultValue = "8", description = "scenes per step (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--crop", defaultValue = "256", paramLabel = "PX", description = "side of the square training crops (default: ${DEFAULT-VALUE})")
  int crop;

  @Option(names = "--lr", defaultValue = "0.002", description = "Adam's learning rate (default: ${DEFAULT-VALUE})")
  double lr;

  @Option(names = "--width", defaultValue = "16", description = "channels of the first block (default: ${DEFAULT-VALUE})")
  int width;

  @Option(names = "--checkpoint-minutes", defaultValue = "5", paramLabel = "M", description = "minutes between checkpoints (default: ${DEFAULT-VALUE})")
  double checkpointMinutes;

  @Option(names = "--resume", description = "continue from the checkpoint of --out if there is one")
  boolean resume;

  @Override
  public Integer call() throws Exception {
    if (seed == validationSeed) {
      throw new ParameterException(spec.commandLine(), "--seed and --validation-seed must differ (validation scenes are held out)");
    }
    Path file = out != null ? out : WordDetectors.defaultSceneModel();
    SceneTrainConfig config;
    SceneNetConfig net;
    try {
      config = new SceneTrainConfig(file, seed, minutes, batch, crop, lr, checkpointMinutes, resume, validation);
      SceneNetConfig d = SceneNetConfig.defaults();
      net = new SceneNetConfig(width, d.shrink(), d.threshold(), d.maxSide(), d.minSide());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    SceneSynth synth;
    try {
      synth = SceneSynth.defaults();
    } catch (SynthException e) {
      spec.commandLine().getErr().println("jaznet train-detector: " + e.getMessage());
      return 1;
    }
    try {
      new SceneTrainer(config, net, new SynthScenes(synth, seed), new SynthScenes(synth, validationSeed)).run();
      return 0;
    } catch (PageException e) {
      spec.commandLine().getErr().println("jaznet train-detector: " + e.getMessage());
      return 1;
    }
  }
}
