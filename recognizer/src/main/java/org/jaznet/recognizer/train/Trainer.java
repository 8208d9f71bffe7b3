package org.jaznet.recognizer.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.HeadCodec;
import org.jaznet.recognizer.model.JazNet;

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
 *
 * <p>The parts: {@link RunStart} (new, {@code --init-from} or {@code --resume}), {@link TrainingData} (the training
 * stream and the validation sets), {@link BatchEncoding}, {@link LearningRate}, {@link DictGrowth}, {@link Validator}
 * and {@link ModelExport} (calibration, model file, {@code .train.json}).
 */
public final class Trainer {
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
  private final MetricsLog metrics;
  private final LearningRate lr;
  private final DictGrowth growth;

  private JazNet net;
  private Map<HeadKind, HeadCodec> codecs;
  private TrainingData data;
  private BatchSource source;

  private long step;
  private long imagesSeen;
  private double secondsBefore;
  private ValidationResult lastValidation;

  public Trainer(TrainConfig config, TrainListener listener) {
    this.config = config;
    this.listener = listener == null ? new TrainListener() {} : listener;
    Path out = config.out().toAbsolutePath();
    String base = out.getFileName().toString().replaceFirst("\\.zip$", "");
    this.metrics = new MetricsLog(out.resolveSibling(base + ".metrics.csv"), out.resolveSibling(base + ".metrics.png"));
    this.lr = new LearningRate(config);
    this.growth = new DictGrowth(config);
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
    RunStart.Begun begun = RunStart.begin(config, listener);
    Checkpoints.Restored restored = begun.restored();
    net = begun.net();
    if (restored != null) {
      Checkpoints.TrainState s = restored.state();
      step = s.step();
      imagesSeen = s.imagesSeen();
      secondsBefore = s.seconds();
      growth.restore(s);
    }
    codecs = BatchEncoding.codecsFor(net);
    metrics.resumeAt(step);
    data = new TrainingData(config, begun.split());
    data.open(net.spec(), dictActive());
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
        lr.apply(net.graph(), step, growth.lastGrowthStep());
        net.graph().fit(BatchEncoding.toMultiDataSet(net, codecs, b));
        double loss = net.graph().score();
        lossSum += loss;
        lossCount++;
        step++;
        imagesSeen += b.size();
        if (step % config.logEvery() == 0 || step == config.steps()) {
          long now = System.nanoTime();
          double ips = lossCount * (double) config.batch() / ((now - intervalStart) / 1e9);
          double seconds = secondsBefore + (now - t0) / 1e9;
          listener.onStep(new TrainListener.StepReport(step, config.steps(), lossSum / lossCount, lr.current(), ips,
              dictActive(), seconds, lastValidation));
          metrics.add(new MetricsLog.Row(step, imagesSeen, seconds, lr.current(), lossSum / lossCount, ips, dictActive(),
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
    data.close();
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

  private int dictActive() {
    return net.spec().has(HeadKind.DICT) ? net.spec().dictActive() : 0;
  }

  private boolean growing() {
    return net.spec().has(HeadKind.DICT) && net.spec().dictActive() < net.spec().dictionary().size();
  }

  private void openSource() throws IOException {
    source = data.openSource(step, growing(), dictActive());
  }

  private ValidationResult validate(long t0) {
    Validator.Scores unseen = data.unseenSet() == null ? null : Validator.score(net, data.unseenSet());
    Validator.Scores seen = data.seenSet() == null ? null : Validator.score(net, data.seenSet());
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
    metrics.add(new MetricsLog.Row(step, imagesSeen, seconds, lr.current(), Double.NaN, Double.NaN, dictActive(),
        v.charUnseen(), v.charSeen(), v.dictSeen(), v.ngramF1()));
    listener.onValidation(v);
    growth.onValidation(v.dictSeen());
    return v;
  }

  private void maybeGrow(boolean validated) throws IOException, InterruptedException {
    if (!growing()) {
      return;
    }
    String why = growth.reason(step, validated, lastValidation);
    if (why == null) {
      return;
    }
    int old = dictActive();
    int grown = (int) Math.min((long) old + config.dictStep(), net.spec().dictionary().size());
    net = net.growDict(grown);
    codecs = BatchEncoding.codecsFor(net);
    lr.reset();
    growth.grown(step);
    listener.onEvent(String.format("step %d: DICT grown from %d to %d classes (%s)", step, old, grown, why));
    source.close();
    openSource();
    data.buildSeenSet(net.spec(), dictActive());
  }

  private Path checkpoint(long t0) throws IOException {
    Checkpoints.TrainState s = new Checkpoints.TrainState(step, imagesSeen, secondsBefore + (System.nanoTime() - t0) / 1e9,
        net.spec(), net.seed(), net.graph().getIterationCount(), growth.lastGrowthStep(), growth.bestDict(),
        growth.validationsSinceBest(), data.split().heldOut(), config.streamSeed(), config.shortWordRatio(),
        config.numberRatio());
    Path p = Checkpoints.save(config.checkpointDir(), s, net);
    metrics.write();
    listener.onEvent("checkpoint " + p.getFileName());
    return p;
  }

  private void writeModel(long t0) throws IOException, InterruptedException {
    Map<String, Object> info = ModelExport.trainInfo(config, net.spec(), step,
        secondsBefore + (System.nanoTime() - t0) / 1e9, imagesSeen, dictActive(), lastValidation);
    JazNet model = ModelExport.calibrated(net, data.calibrationSets(net.spec(), dictActive(), listener), listener);
    ModelExport.write(config, model, info);
  }
}
