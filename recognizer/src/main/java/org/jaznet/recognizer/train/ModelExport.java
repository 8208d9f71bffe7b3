package org.jaznet.recognizer.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.recognizer.model.ModelSpec;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a run: the network with its fusion calibration fitted, written as the model file, and beside it
 * {@code <model>.train.json}: how it was trained (steps, images, configuration, the last validation, the
 * calibration), with the {@code .train.json} of the model it started from, so that a model carries its stages.
 */
final class ModelExport {
  private static final Logger LOG = LoggerFactory.getLogger(ModelExport.class);

  private ModelExport() {}

  /**
   * {@code net} with its fusion calibration fitted on {@code sets} ({@link TrainingData#calibrationSets}), or
   * {@code net} itself when there are no images or the fit fails.
   */
  static JazNet calibrated(JazNet net, List<Batch> sets, TrainListener listener) {
    int n = sets.stream().mapToInt(Batch::size).sum();
    if (n == 0) {
      return net;
    }
    float[] pixels = new float[n * Preprocessor.SIZE];
    List<String> words = new ArrayList<>(n);
    for (Batch b : sets) {
      System.arraycopy(b.pixels(), 0, pixels, words.size() * Preprocessor.SIZE, b.pixels().length);
      words.addAll(b.words());
    }
    try {
      JazNet c = net.calibrate(pixels, words);
      listener.onEvent("fusion calibrated on " + n + " validation images: " + c.calibration());
      return c;
    } catch (RuntimeException e) {
      LOG.warn("fusion calibration failed, keeping the defaults: {}", e.toString());
      return net;
    }
  }

  /**
   * The run's record for {@code .train.json}, before the calibration.
   *
   * @param seconds training seconds over all resumed runs
   * @param dictActive DICT classes active (0 without DICT)
   * @param validation the last validation, or null
   */
  static Map<String, Object> trainInfo(TrainConfig config, ModelSpec spec, long step, double seconds, long imagesSeen,
      int dictActive, ValidationResult validation) {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("steps", step);
    info.put("hours", Math.round(seconds / 36.0) / 100.0);
    info.put("images_seen", imagesSeen);
    info.put("arch", spec.arch().name());
    info.put("heads", spec.heads().toString());
    info.put("dict_active", dictActive);
    info.put("dictionary", config.dictionary().toString());
    info.put("data", config.dataDir() == null ? "synth" : config.dataDir().toString());
    info.put("batch", config.batch());
    info.put("learning_rate", config.learningRate());
    info.put("seed", config.seed());
    info.put("streamSeed", config.streamSeed());
    info.put("shortWordRatio", config.shortWordRatio());
    info.put("numberRatio", config.numberRatio());
    info.put("symbols", config.symbols().name());
    info.put("charSymbols", spec.charSymbols().name());
    info.put("printRatio", config.printRatio());
    info.put("precision", config.precision().name());
    info.put("recipe", config.recipe().name());
    info.put("documentShare", config.documentShare());
    info.put("documentLowRes", config.documentLowRes());
    if (config.initFrom() != null) {
      Map<String, Object> from = new LinkedHashMap<>();
      from.put("model", config.initFrom().toString());
      Path fromInfo = config.initFrom().toAbsolutePath()
          .resolveSibling(config.initFrom().getFileName().toString().replaceFirst("\\.zip$", "") + ".train.json");
      if (Files.isRegularFile(fromInfo)) {
        try {
          from.put("train", Checkpoints.JSON.readTree(fromInfo.toFile()));
        } catch (IOException e) {
          // a note about the earlier stage must not stop this stage's model from being written
          from.put("train", "unreadable: " + e.getMessage());
        }
      }
      info.put("init_from", from);
    }
    info.put("validation", validation);
    return info;
  }

  /** Writes {@code model} to {@code config.out()} and {@code info}, with the model's calibration, beside it. */
  static void write(TrainConfig config, JazNet model, Map<String, Object> info) throws IOException {
    info.put("calibration", model.calibration());
    try {
      ModelFile.save(model, config.out(), config.precision());
    } catch (RecognizerException e) {
      throw new IOException(e.getMessage(), e);
    }
    Path out = config.out().toAbsolutePath();
    String base = out.getFileName().toString().replaceFirst("\\.zip$", "");
    Checkpoints.writeAtomically(out.resolveSibling(base + ".train.json"),
        Checkpoints.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
  }
}
