package org.jaznet.recognizer.train;

import org.jaznet.recognizer.head.SymbolSet;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Objects;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.Optimiser;
import org.jaznet.recognizer.model.Precision;

/**
 * Everything a training run depends on. Built at the entry point (the CLI or a test) with
 * {@link #builder}, then passed to {@link Trainer}.
 *
 * @param arch trunk
 * @param heads heads trained jointly on the trunk
 * @param dictionary word list file: the DICT classes and the synthetic stream's words
 * @param out the model file written at the end (checkpoints go to {@code <out>.ckpt/})
 * @param dataDir labelled images on disk (labels.tsv folder, MJSynth folder or LMDB), or null for the
 *     synthetic stream
 * @param steps optimisation steps in all (the schedule's length); 0 with {@code initFrom} or {@code resume}
 *     re-exports that model with a fresh validation and fusion calibration, no weight changed
 * @param batch images per step
 * @param resume continue from the last complete checkpoint of {@code out} if there is one
 * @param maxMinutes stop cleanly and save after this many minutes of this run (0: no limit)
 * @param seed seeds the weights, the word split, the streams and the validation sets
 * @param learningRate base learning rate
 * @param optimiser update rule
 * @param l2 L2 weight decay
 * @param dropout probability of dropping a unit at the dropout points
 * @param warmupSteps linear warm-up steps (also after every DICT growth, which resets the updater)
 * @param schedule learning-rate schedule after the warm-up
 * @param dictStart DICT classes active at the start (clamped to the dictionary size)
 * @param dictStep classes added per growth round
 * @param dictGrowAccuracy grow once validation DICT accuracy on the active classes reaches this
 * @param dictGrowPatience ... or after this many validations without a 0.5-point improvement
 * @param dictGrowMaxSteps ... or after this many steps since the last growth
 * @param activeShare while growing, the share of training words drawn from the active DICT classes
 * @param dictOrder order of the DICT classes in the model
 * @param threads background threads producing batches
 * @param holdout fraction of the dictionary's words never shown in training (validation of unseen words)
 * @param ngramSize NGRAM vocabulary size (most frequent N-grams of the dictionary)
 * @param randomStringRatio share of random alphanumeric strings in the synthetic training stream
 * @param validateEvery steps between validations (0: only at the end)
 * @param validationSize images per validation set
 * @param checkpointMinutes minutes between checkpoints
 * @param logEvery steps between progress reports and metric rows
 * @param targetAccuracy stop early once every validated head (CHAR and DICT on seen words) reaches
 *     this accuracy (0: never)
 * @param recipe how synthetic words are rendered
 * @param precision how the final model file stores its weights (checkpoints are always FP32)
 * @param initFrom a model file whose weights start a new run (fine-tuning or a further training stage),
 *     or null for fresh weights; ignored when a checkpoint is resumed
 * @param streamSeed seeds the training images only (the synthetic or disk stream); equal to {@code seed}
 *     unless set. A further stage started with {@code initFrom} must keep {@code seed} (the word split) but
 *     should change this, or it replays the images the earlier stages saw from step 0
 * @param shortWordRatio share of the training stream's words that are short (1-4 characters: a
 *     training word of that length or a random string; see the synth engine's {@code WordSource}); the
 *     validation sets keep the uniform draw
 * @param numberRatio share of the training stream that is numbers, digits only (see {@code WordSource});
 *     the validation sets keep the uniform draw
 * @param symbols what the CTC head reads; a run started from a LOWER model with PRINT widens its CTC output
 *     ({@code JazNet.startFrom})
 * @param printRatio share of the training stream drawn as words occur in print (punctuation attached, prices,
 *     dates, codes: see {@code WordSource}); 0 for a LOWER head, whose labels drop punctuation anyway
 * @param charSymbols what the CHAR head reads, or null for the default: a new model's CHAR head reads {@code symbols},
 *     a run started with {@code initFrom} keeps the model's CHAR symbols (a LOWER CHAR head widens to PRINT only when
 *     this asks for it: {@code JazNet.startFrom}), a resumed run its checkpoint's ({@link #charSymbolsFor})
 * @param documentShare share of the training stream rendered with the printed-document look
 *     ({@link SynthRecipe#DOCUMENT}: paper, scanner noise, 1-bit, fax, skew) instead of {@code recipe}; the
 *     validation sets keep {@code recipe}
 * @param documentLowRes share of the document-look images scanned at low resolution (downsampled to
 *     0.35-0.7 and back: {@code DocumentLook#lowResP}), as the words of 100-150 dpi scans and faxes are
 */
public record TrainConfig(
    Arch arch,
    EnumSet<HeadKind> heads,
    Path dictionary,
    Path out,
    Path dataDir,
    long steps,
    int batch,
    boolean resume,
    double maxMinutes,
    long seed,
    double learningRate,
    Optimiser optimiser,
    double l2,
    double dropout,
    int warmupSteps,
    LrSchedule schedule,
    int dictStart,
    int dictStep,
    double dictGrowAccuracy,
    int dictGrowPatience,
    long dictGrowMaxSteps,
    double activeShare,
    DictOrder dictOrder,
    int threads,
    double holdout,
    int ngramSize,
    double randomStringRatio,
    int validateEvery,
    int validationSize,
    double checkpointMinutes,
    int logEvery,
    double targetAccuracy,
    SynthRecipe recipe,
    Precision precision,
    Path initFrom,
    long streamSeed,
    double shortWordRatio,
    double numberRatio,
    SymbolSet symbols,
    double printRatio,
    double documentShare,
    SymbolSet charSymbols,
    double documentLowRes) {

  public TrainConfig {
    Objects.requireNonNull(symbols, "symbols");
    check(printRatio >= 0 && printRatio <= 1, "printRatio must be in [0, 1], got " + printRatio);
    check(documentShare >= 0 && documentShare < 1, "documentShare must be in [0, 1), got " + documentShare);
    check(documentLowRes >= 0 && documentLowRes <= 1, "documentLowRes must be in [0, 1], got " + documentLowRes);
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(optimiser, "optimiser");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(dictOrder, "dictOrder");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(recipe, "recipe");
    if (heads == null || heads.isEmpty()) {
      throw new IllegalArgumentException("heads must name at least one head, got " + heads);
    }
    heads = EnumSet.copyOf(heads);
    // 0 steps re-exports a model (validation, fusion calibration, precision) without a training step
    check(steps >= 1 || (steps == 0 && (initFrom != null || resume)),
        "steps must be >= 1 (0 only with --init-from or --resume, to re-export a model), got " + steps);
    check(batch >= 1 && batch <= 4096, "batch must be in [1, 4096], got " + batch);
    check(maxMinutes >= 0, "maxMinutes must be >= 0, got " + maxMinutes);
    check(learningRate > 0 && Double.isFinite(learningRate), "learningRate must be > 0, got " + learningRate);
    check(l2 >= 0 && Double.isFinite(l2), "l2 must be >= 0, got " + l2);
    check(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
    check(warmupSteps >= 0, "warmupSteps must be >= 0, got " + warmupSteps);
    check(dictStart >= 1, "dictStart must be >= 1, got " + dictStart);
    check(dictStep >= 1, "dictStep must be >= 1, got " + dictStep);
    check(dictGrowAccuracy > 0 && dictGrowAccuracy <= 1, "dictGrowAccuracy must be in (0, 1], got " + dictGrowAccuracy);
    check(dictGrowPatience >= 1, "dictGrowPatience must be >= 1, got " + dictGrowPatience);
    check(dictGrowMaxSteps >= 1, "dictGrowMaxSteps must be >= 1, got " + dictGrowMaxSteps);
    check(activeShare >= 0 && activeShare <= 1, "activeShare must be in [0, 1], got " + activeShare);
    check(threads >= 1 && threads <= 64, "threads must be in [1, 64], got " + threads);
    check(holdout >= 0 && holdout < 0.5, "holdout must be in [0, 0.5), got " + holdout);
    check(ngramSize >= 1, "ngramSize must be >= 1, got " + ngramSize);
    check(randomStringRatio >= 0 && randomStringRatio <= 1, "randomStringRatio must be in [0, 1], got " + randomStringRatio);
    check(shortWordRatio >= 0 && shortWordRatio <= 1, "shortWordRatio must be in [0, 1], got " + shortWordRatio);
    check(numberRatio >= 0 && numberRatio <= 1, "numberRatio must be in [0, 1], got " + numberRatio);
    check(validateEvery >= 0, "validateEvery must be >= 0, got " + validateEvery);
    check(validationSize >= 1, "validationSize must be >= 1, got " + validationSize);
    check(checkpointMinutes > 0, "checkpointMinutes must be > 0, got " + checkpointMinutes);
    check(logEvery >= 1, "logEvery must be >= 1, got " + logEvery);
    check(targetAccuracy >= 0 && targetAccuracy <= 1, "targetAccuracy must be in [0, 1], got " + targetAccuracy);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  @Override
  public EnumSet<HeadKind> heads() {
    return EnumSet.copyOf(heads);
  }

  public boolean has(HeadKind head) {
    return heads.contains(head);
  }

  /**
   * The CHAR symbols of this run's network: {@link #charSymbols} when set, else {@code start}'s (the CHAR symbols of
   * the model it starts from), or for a new model {@link #symbols}; LOWER without a CHAR head.
   *
   * @param start the CHAR symbols of the model or checkpoint the run starts from, or null for a new model
   */
  public SymbolSet charSymbolsFor(SymbolSet start) {
    if (!has(HeadKind.CHAR)) {
      return SymbolSet.LOWER;
    }
    if (charSymbols != null) {
      return charSymbols;
    }
    return start != null ? start : symbols;
  }

  /** The checkpoint folder of this run. */
  public Path checkpointDir() {
    Path name = out.getFileName();
    return out.resolveSibling((name == null ? "model" : name.toString()) + ".ckpt");
  }

  public static Builder builder(Path dictionary, Path out) {
    return new Builder(dictionary, out);
  }

  /** A builder holding the defaults used by {@code jaznet train}. */
  public Builder toBuilder() {
    Builder b = new Builder(dictionary, out);
    b.arch = arch;
    b.heads = heads();
    b.dataDir = dataDir;
    b.steps = steps;
    b.batch = batch;
    b.resume = resume;
    b.maxMinutes = maxMinutes;
    b.seed = seed;
    b.learningRate = learningRate;
    b.optimiser = optimiser;
    b.l2 = l2;
    b.dropout = dropout;
    b.warmupSteps = warmupSteps;
    b.schedule = schedule;
    b.dictStart = dictStart;
    b.dictStep = dictStep;
    b.dictGrowAccuracy = dictGrowAccuracy;
    b.dictGrowPatience = dictGrowPatience;
    b.dictGrowMaxSteps = dictGrowMaxSteps;
    b.activeShare = activeShare;
    b.dictOrder = dictOrder;
    b.threads = threads;
    b.holdout = holdout;
    b.ngramSize = ngramSize;
    b.randomStringRatio = randomStringRatio;
    b.validateEvery = validateEvery;
    b.validationSize = validationSize;
    b.checkpointMinutes = checkpointMinutes;
    b.logEvery = logEvery;
    b.precision = precision;
    b.recipe = recipe;
    b.targetAccuracy = targetAccuracy;
    b.initFrom = initFrom;
    b.streamSeed = streamSeed;
    b.shortWordRatio = shortWordRatio;
    b.numberRatio = numberRatio;
    b.symbols = symbols;
    b.printRatio = printRatio;
    b.documentShare = documentShare;
    b.charSymbols = charSymbols;
    b.documentLowRes = documentLowRes;
    return b;
  }

  /** Mutable builder; {@link #build} validates. Defaults are those of {@code jaznet train}. */
  public static final class Builder {
    private Arch arch = Arch.SMALL;
    private EnumSet<HeadKind> heads = EnumSet.allOf(HeadKind.class);
    private final Path dictionary;
    private final Path out;
    private Path dataDir;
    private long steps = 100_000;
    private int batch = 64;
    private boolean resume;
    private double maxMinutes;
    private long seed = 1;
    private double learningRate = 1e-3;
    private Optimiser optimiser = Optimiser.ADAM;
    private double l2 = 1e-5;
    private double dropout = 0.5;
    private int warmupSteps = 200;
    private LrSchedule schedule = LrSchedule.COSINE;
    private int dictStart = 5_000;
    private int dictStep = 5_000;
    private double dictGrowAccuracy = 0.8;
    private int dictGrowPatience = 3;
    private long dictGrowMaxSteps = 20_000;
    private double activeShare = 0.9;
    private DictOrder dictOrder = DictOrder.SHUFFLED;
    private int threads = 1;
    private double holdout = 0.01;
    private int ngramSize = 10_000;
    private double randomStringRatio = 0.1;
    private int validateEvery = 500;
    private int validationSize = 500;
    private double checkpointMinutes = 5;
    private int logEvery = 10;
    private Precision precision = Precision.FP32;
    private SynthRecipe recipe = SynthRecipe.MJSYNTH;
    private double targetAccuracy;
    private Path initFrom;
    private Long streamSeed;
    private double shortWordRatio;
    private double numberRatio;
    private SymbolSet symbols = SymbolSet.LOWER;
    private double printRatio;
    private double documentShare;
    private SymbolSet charSymbols;
    private double documentLowRes;

    private Builder(Path dictionary, Path out) {
      this.dictionary = dictionary;
      this.out = out;
    }

    public Builder arch(Arch v) { arch = v; return this; }
    public Builder heads(EnumSet<HeadKind> v) { heads = v; return this; }
    public Builder dataDir(Path v) { dataDir = v; return this; }
    public Builder steps(long v) { steps = v; return this; }
    public Builder batch(int v) { batch = v; return this; }
    public Builder resume(boolean v) { resume = v; return this; }
    public Builder maxMinutes(double v) { maxMinutes = v; return this; }
    public Builder seed(long v) { seed = v; return this; }
    public Builder learningRate(double v) { learningRate = v; return this; }
    public Builder optimiser(Optimiser v) { optimiser = v; return this; }
    public Builder l2(double v) { l2 = v; return this; }
    public Builder dropout(double v) { dropout = v; return this; }
    public Builder warmupSteps(int v) { warmupSteps = v; return this; }
    public Builder schedule(LrSchedule v) { schedule = v; return this; }
    public Builder dictStart(int v) { dictStart = v; return this; }
    public Builder dictStep(int v) { dictStep = v; return this; }
    public Builder dictGrowAccuracy(double v) { dictGrowAccuracy = v; return this; }
    public Builder dictGrowPatience(int v) { dictGrowPatience = v; return this; }
    public Builder dictGrowMaxSteps(long v) { dictGrowMaxSteps = v; return this; }
    public Builder activeShare(double v) { activeShare = v; return this; }
    public Builder dictOrder(DictOrder v) { dictOrder = v; return this; }
    public Builder threads(int v) { threads = v; return this; }
    public Builder holdout(double v) { holdout = v; return this; }
    public Builder ngramSize(int v) { ngramSize = v; return this; }
    public Builder randomStringRatio(double v) { randomStringRatio = v; return this; }
    public Builder validateEvery(int v) { validateEvery = v; return this; }
    public Builder validationSize(int v) { validationSize = v; return this; }
    public Builder checkpointMinutes(double v) { checkpointMinutes = v; return this; }
    public Builder logEvery(int v) { logEvery = v; return this; }
    public Builder precision(Precision v) { precision = v; return this; }
    public Builder recipe(SynthRecipe v) { recipe = v; return this; }
    public Builder targetAccuracy(double v) { targetAccuracy = v; return this; }
    public Builder initFrom(Path v) { initFrom = v; return this; }
    /** Seeds the training stream; without it the stream uses {@link #seed}. */
    public Builder streamSeed(long v) { streamSeed = v; return this; }
    public Builder shortWordRatio(double v) { shortWordRatio = v; return this; }
    public Builder numberRatio(double v) { numberRatio = v; return this; }
    public Builder symbols(SymbolSet v) { symbols = v; return this; }
    public Builder printRatio(double v) { printRatio = v; return this; }
    public Builder documentShare(double v) { documentShare = v; return this; }
    /** What the CHAR head reads; null (the default) as described at {@link TrainConfig#charSymbols}. */
    public Builder charSymbols(SymbolSet v) { charSymbols = v; return this; }
    public Builder documentLowRes(double v) { documentLowRes = v; return this; }

    public TrainConfig build() {
      return new TrainConfig(arch, heads, dictionary, out, dataDir, steps, batch, resume, maxMinutes, seed,
          learningRate, optimiser, l2, dropout, warmupSteps, schedule, dictStart, dictStep, dictGrowAccuracy,
          dictGrowPatience, dictGrowMaxSteps, activeShare, dictOrder, threads, holdout, ngramSize,
          randomStringRatio, validateEvery, validationSize, checkpointMinutes, logEvery, targetAccuracy, recipe, precision, initFrom,
          streamSeed == null ? seed : streamSeed, shortWordRatio, numberRatio, symbols, printRatio,
          documentShare, charSymbols, documentLowRes);
    }
  }
}
