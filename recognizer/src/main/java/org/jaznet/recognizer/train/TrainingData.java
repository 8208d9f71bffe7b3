package org.jaznet.recognizer.train;

import static org.jaznet.recognizer.train.Trainer.CALIBRATION_BASE;
import static org.jaznet.recognizer.train.Trainer.CALIBRATION_IMAGES;
import static org.jaznet.recognizer.train.Trainer.VALIDATION_BASE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.eval.Datasets;
import org.jaznet.recognizer.eval.LabelledDataset;
import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.model.ModelSpec;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.SynthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a run's images come from: the training stream (synthetic words from the training mix, the active DICT
 * classes' words while DICT grows, and the document look at {@code documentShare}; or the labelled images of
 * {@code dataDir}), the fixed validation sets (unseen: held-out words; seen: training words, or the active DICT
 * classes'), and the held-out renderings the fusion calibration is fitted on. Held-out words never reach the
 * training stream. Each synthetic engine's word list is written beside the checkpoints.
 */
final class TrainingData {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingData.class);

  private final TrainConfig config;
  private final WordSplit split;
  private final Set<String> heldOutSet;
  private LabelledDataset disk;
  private Set<Integer> diskValidation = Set.of();
  private SynthEngine allEngine;
  private SynthEngine documentEngine;
  private Batch unseenSet;
  private Batch seenSet;

  TrainingData(TrainConfig config, WordSplit split) {
    this.config = config;
    this.split = split;
    this.heldOutSet = new HashSet<>(split.heldOut());
  }

  /** The run's word split. */
  WordSplit split() {
    return split;
  }

  /** The unseen-word validation set, or null. */
  Batch unseenSet() {
    return unseenSet;
  }

  /** The seen-word validation set, or null. */
  Batch seenSet() {
    return seenSet;
  }

  /** Opens {@code dataDir} when the run reads images from disk, then builds both validation sets. */
  void open(ModelSpec spec, int dictActive) throws IOException, InterruptedException {
    if (config.dataDir() != null) {
      openDisk();
    }
    buildValidation(spec, dictActive);
  }

  /**
   * A training stream that starts after {@code step} steps.
   *
   * @param growing whether DICT has classes still inactive
   * @param dictActive DICT classes active (0 without DICT)
   */
  BatchSource openSource(long step, boolean growing, int dictActive) throws IOException {
    if (disk != null) {
      Set<Integer> excluded = diskValidation;
      Set<String> held = heldOutSet;
      LabelledDataset d = disk;
      return new DiskStream(d, i -> !excluded.contains(i) && !held.contains(CharCodec.normalise(d.label(i))),
          config.batch(), config.threads(), step, config.streamSeed());
    }
    if (allEngine == null) {
      allEngine = trainingEngine(split.training(), "train-all");
    }
    List<SynthStream.Source> sources = new ArrayList<>();
    if (growing && config.activeShare() > 0) {
      List<String> active = split.activeTraining(dictActive);
      if (!active.isEmpty()) {
        sources.add(new SynthStream.Source(
            trainingEngine(active, "train-active-" + dictActive),
            config.activeShare()));
      }
    }
    if (sources.isEmpty() || config.activeShare() < 1) {
      sources.add(new SynthStream.Source(allEngine, sources.isEmpty() ? 1.0 : 1.0 - config.activeShare()));
    }
    if (config.documentShare() > 0) {
      // the other sources keep their proportions within the remaining share
      double rest = 1 - config.documentShare();
      List<SynthStream.Source> scaled = new ArrayList<>();
      for (SynthStream.Source s : sources) {
        scaled.add(new SynthStream.Source(s.engine(), s.weight() * rest));
      }
      if (documentEngine == null) {
        documentEngine = trainingEngine(split.training(), "train-document", SynthRecipe.DOCUMENT);
      }
      scaled.add(new SynthStream.Source(documentEngine, config.documentShare()));
      sources = scaled;
    }
    return new SynthStream(sources, config.batch(), config.threads(), step * config.batch(), config.streamSeed());
  }

  private void openDisk() throws IOException {
    disk = Datasets.open(config.dataDir());
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < disk.size(); i++) {
      if (!heldOutSet.contains(CharCodec.normalise(disk.label(i)))) {
        candidates.add(i);
      }
    }
    Collections.shuffle(candidates, new Random(config.seed()));
    int n = Math.min(config.validationSize(), candidates.size() / 10);
    diskValidation = new HashSet<>(candidates.subList(0, n));
    LOG.info("training on {} ({} items, {} kept for validation)", config.dataDir(), disk.size(), n);
  }

  private void buildValidation(ModelSpec spec, int dictActive) throws IOException, InterruptedException {
    if (disk != null) {
      List<Integer> unseen = new ArrayList<>();
      for (int i = 0; i < disk.size() && unseen.size() < config.validationSize(); i++) {
        if (heldOutSet.contains(CharCodec.normalise(disk.label(i)))) {
          unseen.add(i);
        }
      }
      unseenSet = unseen.isEmpty() ? null : load(unseen);
      seenSet = diskValidation.isEmpty() ? null : load(new ArrayList<>(diskValidation));
      return;
    }
    if (!split.heldOut().isEmpty() && (spec.has(HeadKind.CHAR) || spec.has(HeadKind.NGRAM)
        || spec.has(HeadKind.CTC))) {
      unseenSet = Validator.render(engine(split.heldOut(), "validation-unseen", 0), VALIDATION_BASE,
          config.validationSize(), config.threads());
    }
    buildSeenSet(spec, dictActive);
  }

  /** (Re)builds the seen-word validation set: the active DICT classes' training words change as DICT grows. */
  void buildSeenSet(ModelSpec spec, int dictActive) throws IOException, InterruptedException {
    if (disk != null) {
      return;
    }
    List<String> words = spec.has(HeadKind.DICT) ? split.activeTraining(dictActive) : split.training();
    if (words.isEmpty()) {
      seenSet = null;
      return;
    }
    seenSet = Validator.render(engine(words, "validation-seen", 0), VALIDATION_BASE, config.validationSize(),
        config.threads());
  }

  private Batch load(List<Integer> items) {
    float[] pixels = new float[items.size() * Preprocessor.SIZE];
    List<String> words = new ArrayList<>();
    for (int i : items) {
      try {
        Preprocessor.toInput(disk.image(i), pixels, words.size() * Preprocessor.SIZE);
        words.add(disk.label(i));
      } catch (IOException | RecognizerException e) {
        LOG.warn("validation image {} skipped: {}", disk.id(i), e.getMessage());
      }
    }
    float[] exact = java.util.Arrays.copyOf(pixels, words.size() * Preprocessor.SIZE);
    return new Batch(exact, words);
  }

  /**
   * The held-out renderings the fusion calibration is fitted on (never training images): the unseen-word set, and
   * words drawn from the whole training dictionary. Not the seen-word validation set while DICT has only part of the
   * dictionary active: every word of that set is a DICT class, so DICT would look far more reliable than on words as
   * they come (measured on IC13: fused 27.9 % below CTC's 28.7 % with a calibration fitted on it, DICT weight 0.35).
   */
  List<Batch> calibrationSets(ModelSpec spec, int dictActive, TrainListener listener)
      throws IOException, InterruptedException {
    List<Batch> sets = new ArrayList<>();
    Batch natural = seenSet;
    int known = spec.has(HeadKind.DICT) ? split.activeTraining(dictActive).size() : 0;
    if (disk == null && spec.has(HeadKind.DICT) && known < split.training().size()) {
      // the training stream's text mix (short words, numbers, random strings): the texts the model is meant to read,
      // and where DICT, a classifier over some of the words, is least to be trusted
      natural = Validator.render(engine(split.training(), "calibration", config.randomStringRatio(), config.seed(),
          config.shortWordRatio(), config.numberRatio(), config.printRatio()), CALIBRATION_BASE,
          Math.max(CALIBRATION_IMAGES, config.validationSize()), config.threads());
      listener.onEvent(String.format("fusion calibration: %d images of the training text mix, words drawn from all %d"
          + " training words (DICT knows %d of them)", natural.size(), split.training().size(), known));
    }
    if (natural != null) {
      sets.add(natural);
    }
    if (unseenSet != null) {
      sets.add(unseenSet);
    }
    return sets;
  }

  /** Closes the images on disk, if the run reads them. */
  void close() throws IOException {
    if (disk != null) {
      disk.close();
    }
  }

  private SynthEngine engine(List<String> words, String name, double randomStrings) throws IOException {
    return engine(words, name, randomStrings, config.seed(), 0, 0, 0);
  }

  /** A training engine: the training stream's seed, short-word and number shares. */
  private SynthEngine trainingEngine(List<String> words, String name) throws IOException {
    return trainingEngine(words, name, config.recipe());
  }

  private SynthEngine trainingEngine(List<String> words, String name, SynthRecipe recipe) throws IOException {
    return engine(words, name, config.randomStringRatio(), config.streamSeed(), config.shortWordRatio(),
        config.numberRatio(), config.printRatio(), recipe);
  }

  private SynthEngine engine(List<String> words, String name, double randomStrings, long seed, double shortWords,
      double numbers, double print) throws IOException {
    return engine(words, name, randomStrings, seed, shortWords, numbers, print, config.recipe());
  }

  private SynthEngine engine(List<String> words, String name, double randomStrings, long seed, double shortWords,
      double numbers, double print, SynthRecipe kind) throws IOException {
    SynthConfig.Recipe recipe = kind.recipe();
    if (kind == SynthRecipe.DOCUMENT && config.documentLowRes() > 0) {
      recipe = recipe.withDocumentLook(recipe.documentLook().orElseThrow().withLowResP(config.documentLowRes()));
    }
    Path dir = config.checkpointDir().resolve("words");
    Path file = dir.resolve(name + ".txt");
    Checkpoints.writeAtomically(file, (String.join("\n", words) + "\n").getBytes(StandardCharsets.UTF_8));
    SynthConfig sc = SynthConfig.defaults(seed).withDictionary(file).withRandomStringRatio(randomStrings)
        .withRecipe(recipe).withShortWordRatio(shortWords).withNumberRatio(numbers)
        .withPrintRatio(print);
    try {
      return SynthEngine.create(sc);
    } catch (SynthException e) {
      throw new IOException("cannot start the synthetic engine: " + e.getMessage(), e);
    }
  }
}
