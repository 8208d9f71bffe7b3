package org.jaznet.recognizer.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.eval.Datasets;
import org.jaznet.recognizer.eval.LabelledDataset;
import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.head.CtcCodec;
import org.jaznet.recognizer.head.DictCodec;
import org.jaznet.recognizer.head.HeadCodec;
import org.jaznet.recognizer.head.NgramVocabulary;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.recognizer.model.ModelSpec;
import org.jaznet.recognizer.head.SymbolSet;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.SynthException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop: batches from a {@link BatchSource}, one {@code fit} per step with the scheduled
 * learning rate, periodic validation, incremental DICT growth, atomic checkpoints, a clean stop after
 * {@code maxMinutes}, and at the end the model file, the metrics CSV and plot.
 *
 * <p>Validation: CHAR (and NGRAM) on images of held-out words never shown in training; DICT, which can
 * only read its classes, on fresh images (an index range training never uses) of the active classes'
 * training words. DICT grows by {@code dictStep} classes when its validation accuracy reaches
 * {@code dictGrowAccuracy}, stops improving for {@code dictGrowPatience} validations, or
 * {@code dictGrowMaxSteps} steps have passed; while classes remain inactive, {@code activeShare} of the
 * training words come from the active classes and the rest from all training words (which keeps CHAR
 * and NGRAM learning the whole dictionary).
 */
public final class Trainer {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
  /** Validation samples live far above any training index. */
  static final long VALIDATION_BASE = 1L << 60;
  /**
   * Images of the training text mix the fusion calibration is fitted on (with the unseen-word set): enough for
   * about a hundred words of one or two characters at a 20 % short-word share.
   */
  static final int CALIBRATION_IMAGES = 1000;

  /** First stream index of the calibration renderings (apart from training and validation indices). */
  static final long CALIBRATION_BASE = (1L << 60) + (1L << 50);

  private final TrainConfig config;
  private final TrainListener listener;

  private JazNet net;
  private WordSplit split;
  private Map<HeadKind, HeadCodec> codecs;
  private BatchSource source;
  private Batch unseenSet;
  private Batch seenSet;
  private LabelledDataset disk;
  private Set<Integer> diskValidation = Set.of();
  private Set<String> heldOutSet = Set.of();
  private SynthEngine allEngine;
  private SynthEngine documentEngine;
  private final MetricsLog metrics;

  private long step;
  private long imagesSeen;
  private double secondsBefore;
  private long lastGrowthStep;
  private double bestDict;
  private int validationsSinceBest;
  private ValidationResult lastValidation;
  private double currentLr = Double.NaN;

  public Trainer(TrainConfig config, TrainListener listener) {
    this.config = config;
    this.listener = listener == null ? new TrainListener() {} : listener;
    Path out = config.out().toAbsolutePath();
    String base = out.getFileName().toString().replaceFirst("\\.zip$", "");
    this.metrics = new MetricsLog(out.resolveSibling(base + ".metrics.csv"), out.resolveSibling(base + ".metrics.png"));
  }

  /**
   * The outcome of a run.
   *
   * @param step steps done (over all resumed runs)
   * @param imagesSeen training images consumed (over all runs)
   * @param stopReason why the run ended
   * @param validation the final validation
   * @param model the model file written
   * @param checkpoint the last checkpoint written
   * @param imagesPerSecond mean training throughput of this run
   * @param seconds wall seconds of this run
   */
  public record TrainResult(long step, long imagesSeen, StopReason stopReason, ValidationResult validation, Path model,
      Path checkpoint, double imagesPerSecond, double seconds) {
    /** True unless the time limit cut the run short. */
    public boolean completed() {
      return stopReason != StopReason.TIME_LIMIT;
    }
  }

  /** Why a run ended. */
  public enum StopReason {
    /** All configured steps are done. */
    STEPS,
    /** {@code maxMinutes} ran out; a resumed run continues. */
    TIME_LIMIT,
    /** Validation reached {@code targetAccuracy}. */
    TARGET_REACHED
  }

  /** Runs (or resumes) training; the model file is written before returning. */
  public TrainResult run() throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    long deadline = config.maxMinutes() > 0 ? t0 + (long) (config.maxMinutes() * 60e9) : Long.MAX_VALUE;
    Path ckptDir = config.checkpointDir();
    Checkpoints.Restored restored = null;
    if (config.resume()) {
      restored = Checkpoints.latest(ckptDir);
      if (restored == null) {
        listener.onEvent("no checkpoint in " + ckptDir + ": starting a new run");
      }
    } else if (!Checkpoints.list(ckptDir).isEmpty()) {
      throw new IllegalStateException("checkpoints from an earlier run exist in " + ckptDir
          + ": pass --resume to continue it, or remove that folder to start again");
    }
    if (restored != null) {
      restore(restored);
    } else if (config.initFrom() != null) {
      startFrom(config.initFrom());
    } else {
      start();
    }
    codecs = codecsFor(net);
    metrics.resumeAt(step);
    if (config.dataDir() != null) {
      openDisk();
    }
    buildValidation();
    openSource();
    listener.onStart(step, config.steps());
    long startStep = step;
    long lastCheckpoint = System.nanoTime();
    long intervalStart = System.nanoTime();
    double lossSum = 0;
    int lossCount = 0;
    Path lastCkpt = restored == null ? null : restored.file();
    StopReason stop = StopReason.STEPS;
    try {
      while (step < config.steps()) {
        if (System.nanoTime() >= deadline) {
          stop = StopReason.TIME_LIMIT;
          listener.onEvent(String.format("time limit of %.1f min reached at step %d: saving", config.maxMinutes(), step));
          break;
        }
        Batch b = source.next();
        setLearningRate();
        net.graph().fit(toMultiDataSet(b));
        double loss = net.graph().score();
        lossSum += loss;
        lossCount++;
        step++;
        imagesSeen += b.size();
        if (step % config.logEvery() == 0 || step == config.steps()) {
          long now = System.nanoTime();
          double ips = lossCount * (double) config.batch() / ((now - intervalStart) / 1e9);
          double seconds = secondsBefore + (now - t0) / 1e9;
          listener.onStep(new TrainListener.StepReport(step, config.steps(), lossSum / lossCount, currentLr, ips,
              dictActive(), seconds, lastValidation));
          metrics.add(new MetricsLog.Row(step, imagesSeen, seconds, currentLr, lossSum / lossCount, ips, dictActive(),
              Double.NaN, Double.NaN, Double.NaN, Double.NaN));
          if (!Double.isFinite(lossSum / lossCount)) {
            throw new IllegalStateException("training diverged at step " + step + " (loss " + lossSum / lossCount
                + "): lower --lr");
          }
          lossSum = 0;
          lossCount = 0;
          intervalStart = now;
        }
        boolean validated = false;
        if (config.validateEvery() > 0 && step % config.validateEvery() == 0 && step < config.steps()) {
          validate(t0);
          validated = true;
          if (reachedTarget(lastValidation)) {
            stop = StopReason.TARGET_REACHED;
            listener.onEvent(String.format("validation reached the target accuracy %.1f%% at step %d",
                100 * config.targetAccuracy(), step));
            break;
          }
        }
        maybeGrow(validated);
        if ((System.nanoTime() - lastCheckpoint) / 60e9 >= config.checkpointMinutes()) {
          lastCkpt = checkpoint(t0);
          lastCheckpoint = System.nanoTime();
        }
      }
    } finally {
      source.close();
    }
    ValidationResult v = lastValidation != null && lastValidation.step() == step ? lastValidation : validate(t0);
    lastCkpt = checkpoint(t0);
    writeModel(t0);
    if (disk != null) {
      disk.close();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    double ips = (step - startStep) * (double) config.batch() / Math.max(1e-9, seconds);
    listener.onEvent(String.format("model written to %s (step %d, %d images)", config.out(), step, imagesSeen));
    return new TrainResult(step, imagesSeen, stop, v, config.out(), lastCkpt, ips, seconds);
  }

  private boolean reachedTarget(ValidationResult v) {
    if (config.targetAccuracy() <= 0 || v == null || growing()) {
      return false;
    }
    boolean any = false;
    for (double a : new double[] {v.charSeen(), v.dictSeen(), v.ctcSeen()}) {
      if (!Double.isNaN(a)) {
        if (a < config.targetAccuracy()) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  private void start() throws IOException {
    List<String> dictionary = readDictionary(config.dictionary());
    split = WordSplit.of(dictionary, config.dictOrder(), config.holdout(), config.seed());
    List<String> classes = split.classes();
    int active = config.has(HeadKind.DICT) ? Math.min(config.dictStart(), classes.size()) : 0;
    List<String> ngrams = config.has(HeadKind.NGRAM)
        ? NgramVocabulary.build(classes, config.ngramSize()).grams() : List.of();
    ModelSpec spec = new ModelSpec(config.arch(), config.heads(), classes, active, ngrams, config.optimiser(),
        config.learningRate(), config.l2(), config.dropout(), config.symbols());
    net = JazNet.create(spec, config.seed());
    heldOutSet = new HashSet<>(split.heldOut());
    LOG.info("new run: {} classes ({} active), {} held-out words, {} parameters", classes.size(), active,
        split.heldOut().size(), net.graph().numParams());
  }

  /**
   * A new run whose weights come from a model file: a further training stage with a fresh optimiser
   * and schedule. The model must have this run's heads and arch, or one this arch can start from
   * ({@link org.jaznet.recognizer.model.Arch#canStartFrom}: SMALL_BN weights start SMALL_BN_RELU, and either starts
   * SMALL_BN_RELU_SEQ, whose new projection starts at zero), and its DICT classes must be the
   * word split this run's dictionary, seed and hold-out give, so that the held-out words stay unseen.
   */
  private void startFrom(Path modelFile) throws IOException {
    JazNet init;
    try {
      init = ModelFile.load(modelFile);
    } catch (RecognizerException e) {
      throw new IOException("--init-from " + modelFile + ": " + e.getMessage(), e);
    }
    ModelSpec m = init.spec();
    if (!config.arch().canStartFrom(m.arch()) || !m.heads().equals(config.heads())) {
      throw new IllegalStateException("--init-from " + modelFile + " has arch " + m.arch() + " and heads " + m.heads()
          + "; this run asks for arch " + config.arch() + " and heads " + config.heads());
    }
    List<String> dictionary = readDictionary(config.dictionary());
    split = WordSplit.of(dictionary, config.dictOrder(), config.holdout(), config.seed());
    if (!split.classes().equals(m.dictionary())) {
      throw new IllegalStateException("--init-from " + modelFile + " was trained on another word split ("
          + m.dictionary().size() + " classes) than " + config.dictionary() + " with seed " + config.seed()
          + " and hold-out " + config.holdout() + " give (" + split.classes().size()
          + " classes): pass the dictionary, --seed and --holdout it was trained with");
    }
    if (m.symbols() != config.symbols() && m.symbols() != SymbolSet.LOWER) {
      throw new IllegalStateException("--init-from " + modelFile + " reads " + m.symbols() + "; this run asks for "
          + config.symbols() + " (only a LOWER head widens)");
    }
    ModelSpec spec = new ModelSpec(config.arch(), config.heads(), m.dictionary(), m.dictActive(), m.ngrams(),
        config.optimiser(), config.learningRate(), config.l2(), config.dropout(), config.symbols());
    net = JazNet.create(spec, config.seed());
    List<String> fresh = net.startFrom(init);
    if (!fresh.isEmpty()) {
      listener.onEvent("layers new in arch " + config.arch() + " (left as initialised): " + String.join(", ", fresh));
    }
    heldOutSet = new HashSet<>(split.heldOut());
    listener.onEvent(String.format("new run from the weights of %s (%d DICT classes active, %d parameters)",
        modelFile, m.dictActive(), net.graph().numParams()));
  }

  private void restore(Checkpoints.Restored r) {
    Checkpoints.TrainState s = r.state();
    ModelSpec spec = s.spec();
    if (spec.arch() != config.arch() || !spec.heads().equals(config.heads())) {
      throw new IllegalStateException("checkpoint " + r.file() + " was trained with arch " + spec.arch() + " and heads "
          + spec.heads() + "; this run asks for arch " + config.arch() + " and heads " + config.heads());
    }
    if (s.streamSeed() != null && s.streamSeed() != config.streamSeed()) {
      // without this a resume that forgets --stream-seed would switch to another stream mid-run
      throw new IllegalStateException("checkpoint " + r.file() + " was trained on the image stream of --stream-seed "
          + s.streamSeed() + "; this run asks for " + config.streamSeed() + " (pass --stream-seed " + s.streamSeed() + ")");
    }
    if (s.shortWordRatio() != null && s.shortWordRatio() != config.shortWordRatio()) {
      listener.onEvent(String.format("step %d: short-word share changes from %.3f (checkpoint) to %.3f",
          s.step(), s.shortWordRatio(), config.shortWordRatio()));
    }
    if (s.numberRatio() != null && s.numberRatio() != config.numberRatio()) {
      listener.onEvent(String.format("step %d: number share changes from %.3f (checkpoint) to %.3f",
          s.step(), s.numberRatio(), config.numberRatio()));
    }
    net = r.net();
    List<String> held = s.heldOut() == null ? List.of() : s.heldOut();
    heldOutSet = new HashSet<>(held);
    List<String> training = new ArrayList<>();
    for (String w : spec.dictionary()) {
      if (!heldOutSet.contains(w)) {
        training.add(w);
      }
    }
    split = new WordSplit(spec.dictionary(), training, held);
    step = s.step();
    imagesSeen = s.imagesSeen();
    secondsBefore = s.seconds();
    lastGrowthStep = s.lastGrowthStep();
    bestDict = s.bestDict();
    validationsSinceBest = s.validationsSinceBest();
    listener.onEvent(String.format("resumed from %s at step %d (%d images seen)", r.file().getFileName(), step, imagesSeen));
  }

  /** Normalised, distinct words of a dictionary file, naming the file on error. */
  static List<String> readDictionary(Path file) throws IOException {
    try {
      return Lexicon.read(file).words();
    } catch (SynthException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private int dictActive() {
    return net.spec().has(HeadKind.DICT) ? net.spec().dictActive() : 0;
  }

  private boolean growing() {
    return net.spec().has(HeadKind.DICT) && net.spec().dictActive() < net.spec().dictionary().size();
  }

  static Map<HeadKind, HeadCodec> codecsFor(JazNet net) {
    Map<HeadKind, HeadCodec> m = new EnumMap<>(HeadKind.class);
    ModelSpec s = net.spec();
    if (s.has(HeadKind.DICT)) {
      m.put(HeadKind.DICT, new DictCodec(s.dictionary(), s.dictActive()));
    }
    if (s.has(HeadKind.CHAR)) {
      m.put(HeadKind.CHAR, CharCodec.INSTANCE);
    }
    if (s.has(HeadKind.CTC)) {
      m.put(HeadKind.CTC, CtcCodec.of(s.symbols()));
    }
    if (s.has(HeadKind.NGRAM)) {
      m.put(HeadKind.NGRAM, new NgramVocabulary(s.ngrams()));
    }
    return m;
  }

  /** Features [N, 1, 32, 100] and one label (and label mask) per head in the graph's output order. */
  MultiDataSet toMultiDataSet(Batch b) {
    return toMultiDataSet(net, codecs, b);
  }

  static MultiDataSet toMultiDataSet(JazNet net, Map<HeadKind, HeadCodec> codecs, Batch b) {
    INDArray features = Nd4j.create(b.pixels(), new long[] {b.size(), 1, Preprocessor.HEIGHT, Preprocessor.WIDTH}, 'c');
    List<HeadKind> order = net.outputOrder();
    INDArray[] labels = new INDArray[order.size()];
    INDArray[] masks = new INDArray[order.size()];
    boolean anyMask = false;
    for (int i = 0; i < order.size(); i++) {
      HeadCodec c = codecs.get(order.get(i));
      labels[i] = c.targets(b.words());
      masks[i] = c.labelMask(b.words());
      anyMask |= masks[i] != null;
    }
    return new MultiDataSet(new INDArray[] {features}, labels, null, anyMask ? masks : null);
  }

  private void setLearningRate() {
    // a short run must not spend most of its steps warming up
    long warmup = Math.min(config.warmupSteps(), config.steps() / 10);
    double lr = config.schedule().rate(config.learningRate(), step, config.steps(), warmup);
    if (lastGrowthStep > 0 && warmup > 0 && step - lastGrowthStep < warmup) {
      // growth resets the updater state: warm up again
      lr *= 0.1 + 0.9 * (step - lastGrowthStep + 1) / (double) warmup;
    }
    if (Double.isNaN(currentLr) || Math.abs(lr - currentLr) > 0.01 * currentLr) {
      net.graph().setLearningRate(lr);
      currentLr = lr;
    }
  }

  // ---- data

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
      double numbers, double print, SynthRecipe recipe) throws IOException {
    Path dir = config.checkpointDir().resolve("words");
    Path file = dir.resolve(name + ".txt");
    Checkpoints.writeAtomically(file, (String.join("\n", words) + "\n").getBytes(StandardCharsets.UTF_8));
    SynthConfig sc = SynthConfig.defaults(seed).withDictionary(file).withRandomStringRatio(randomStrings)
        .withRecipe(recipe.recipe()).withShortWordRatio(shortWords).withNumberRatio(numbers)
        .withPrintRatio(print);
    try {
      return SynthEngine.create(sc);
    } catch (SynthException e) {
      throw new IOException("cannot start the synthetic engine: " + e.getMessage(), e);
    }
  }

  private void openSource() throws IOException {
    if (disk != null) {
      Set<Integer> excluded = diskValidation;
      Set<String> held = heldOutSet;
      LabelledDataset d = disk;
      source = new DiskStream(d, i -> !excluded.contains(i) && !held.contains(CharCodec.normalise(d.label(i))),
          config.batch(), config.threads(), step, config.streamSeed());
      return;
    }
    if (allEngine == null) {
      allEngine = trainingEngine(split.training(), "train-all");
    }
    List<SynthStream.Source> sources = new ArrayList<>();
    if (growing() && config.activeShare() > 0) {
      List<String> active = split.activeTraining(dictActive());
      if (!active.isEmpty()) {
        sources.add(new SynthStream.Source(
            trainingEngine(active, "train-active-" + dictActive()),
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
    source = new SynthStream(sources, config.batch(), config.threads(), step * config.batch(), config.streamSeed());
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

  private void buildValidation() throws IOException, InterruptedException {
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
    if (!split.heldOut().isEmpty() && (net.spec().has(HeadKind.CHAR) || net.spec().has(HeadKind.NGRAM)
        || net.spec().has(HeadKind.CTC))) {
      unseenSet = Validator.render(engine(split.heldOut(), "validation-unseen", 0), VALIDATION_BASE,
          config.validationSize(), config.threads());
    }
    buildSeenSet();
  }

  private void buildSeenSet() throws IOException, InterruptedException {
    if (disk != null) {
      return;
    }
    List<String> words = net.spec().has(HeadKind.DICT) ? split.activeTraining(dictActive()) : split.training();
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

  // ---- validation, growth, checkpoints

  private ValidationResult validate(long t0) {
    Validator.Scores unseen = unseenSet == null ? null : Validator.score(net, unseenSet);
    Validator.Scores seen = seenSet == null ? null : Validator.score(net, seenSet);
    double ngram = seen != null ? seen.ngramF1() : unseen != null ? unseen.ngramF1() : Double.NaN;
    ValidationResult v = new ValidationResult(step,
        unseen == null ? Double.NaN : unseen.charAccuracy(),
        seen == null ? Double.NaN : seen.charAccuracy(),
        seen == null ? Double.NaN : seen.dictAccuracy(),
        ngram, dictActive(),
        unseen == null ? Double.NaN : unseen.ctcAccuracy(),
        seen == null ? Double.NaN : seen.ctcAccuracy());
    lastValidation = v;
    if (seen != null && !Double.isNaN(seen.ctcCased())) {
      listener.onEvent(String.format("validation CTC with case and punctuation (%s): unseen %.3f, seen %.3f",
          net.spec().symbols(), unseen == null ? Double.NaN : unseen.ctcCased(), seen.ctcCased()));
    }
    double seconds = secondsBefore + (System.nanoTime() - t0) / 1e9;
    metrics.add(new MetricsLog.Row(step, imagesSeen, seconds, currentLr, Double.NaN, Double.NaN, dictActive(),
        v.charUnseen(), v.charSeen(), v.dictSeen(), v.ngramF1()));
    listener.onValidation(v);
    if (!Double.isNaN(v.dictSeen())) {
      if (v.dictSeen() > bestDict + 0.005) {
        bestDict = v.dictSeen();
        validationsSinceBest = 0;
      } else {
        validationsSinceBest++;
      }
    }
    return v;
  }

  private void maybeGrow(boolean validated) throws IOException, InterruptedException {
    if (!growing()) {
      return;
    }
    boolean byAccuracy = validated && lastValidation != null && lastValidation.dictSeen() >= config.dictGrowAccuracy();
    boolean byPlateau = validated && validationsSinceBest >= config.dictGrowPatience();
    boolean bySteps = step - lastGrowthStep >= config.dictGrowMaxSteps();
    if (!(byAccuracy || byPlateau || bySteps)) {
      return;
    }
    int old = dictActive();
    int grown = (int) Math.min((long) old + config.dictStep(), net.spec().dictionary().size());
    String why = byAccuracy ? "accuracy reached" : byPlateau ? "accuracy plateaued" : "step limit";
    net = net.growDict(grown);
    codecs = codecsFor(net);
    currentLr = Double.NaN;
    lastGrowthStep = step;
    bestDict = 0;
    validationsSinceBest = 0;
    listener.onEvent(String.format("step %d: DICT grown from %d to %d classes (%s)", step, old, grown, why));
    source.close();
    openSource();
    buildSeenSet();
  }

  private Path checkpoint(long t0) throws IOException {
    Checkpoints.TrainState s = new Checkpoints.TrainState(step, imagesSeen, secondsBefore + (System.nanoTime() - t0) / 1e9,
        net.spec(), net.seed(), net.graph().getIterationCount(), lastGrowthStep, bestDict, validationsSinceBest,
        split.heldOut(), config.streamSeed(), config.shortWordRatio(), config.numberRatio());
    Path p = Checkpoints.save(config.checkpointDir(), s, net);
    metrics.write();
    listener.onEvent("checkpoint " + p.getFileName());
    return p;
  }

  /**
   * The network with its fusion calibration fitted on held-out renderings (never training images): the
   * unseen-word set, and words drawn from the whole training dictionary. Not the seen-word validation
   * set while DICT has only part of the dictionary active: every word of that set is a DICT class, so
   * DICT would look far more reliable than on words as they come (measured on IC13: fused 27.9 % below
   * CTC's 28.7 % with a calibration fitted on it, DICT weight 0.35).
   */
  private JazNet calibrated() throws IOException, InterruptedException {
    List<Batch> sets = new ArrayList<>();
    Batch natural = seenSet;
    int known = net.spec().has(HeadKind.DICT) ? split.activeTraining(dictActive()).size() : 0;
    if (disk == null && net.spec().has(HeadKind.DICT) && known < split.training().size()) {
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

  private void writeModel(long t0) throws IOException, InterruptedException {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("steps", step);
    info.put("hours", Math.round((secondsBefore + (System.nanoTime() - t0) / 1e9) / 36.0) / 100.0);
    info.put("images_seen", imagesSeen);
    info.put("arch", net.spec().arch().name());
    info.put("heads", net.spec().heads().toString());
    info.put("dict_active", dictActive());
    info.put("dictionary", config.dictionary().toString());
    info.put("data", config.dataDir() == null ? "synth" : config.dataDir().toString());
    info.put("batch", config.batch());
    info.put("learning_rate", config.learningRate());
    info.put("seed", config.seed());
    info.put("streamSeed", config.streamSeed());
    info.put("shortWordRatio", config.shortWordRatio());
    info.put("numberRatio", config.numberRatio());
    info.put("symbols", config.symbols().name());
    info.put("printRatio", config.printRatio());
    info.put("precision", config.precision().name());
    info.put("recipe", config.recipe().name());
    info.put("documentShare", config.documentShare());
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
    info.put("validation", lastValidation);
    JazNet model = calibrated();
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
