package org.jaznet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.Optimiser;
import org.jaznet.recognizer.model.Precision;
import org.jaznet.recognizer.train.DictOrder;
import org.jaznet.recognizer.train.LrSchedule;
import org.jaznet.recognizer.train.SynthRecipe;
import org.jaznet.recognizer.train.TrainConfig;
import org.jaznet.recognizer.train.TrainListener;
import org.jaznet.recognizer.train.Trainer;
import org.jaznet.recognizer.train.ValidationResult;
import org.jaznet.synth.ProjectPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jaznet train}: trains a model on the synthetic stream or a labelled dataset. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Train a recognizer model (synthetic words rendered on the fly, or a labelled dataset on disk).",
      "Checkpoints go to <out>.ckpt/ every few minutes; --resume continues from the last one.",
      "Metrics: <out minus .zip>.metrics.csv and .metrics.png; run summary: .train.json."})
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--heads", split = ",", description = "heads to train: dict,char,ngram,ctc (default: dict,char,ngram)")
  List<HeadKind> heads = List.of(HeadKind.DICT, HeadKind.CHAR, HeadKind.NGRAM);

  @Option(names = "--arch", description = "trunk: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Arch arch = Arch.SMALL;

  @Option(names = "--dictionary", description = "word list (DICT classes, synthetic words); default dictionaries/en-90k.txt")
  Path dictionary;

  @Option(names = {"--out", "--output"}, required = true, description = "model file to write (e.g. model.zip)")
  Path out;

  @Option(names = "--data", description = "'synth' (default) or a labels.tsv / MJSynth / LMDB folder")
  String data = "synth";

  @Option(names = "--steps", description = "optimisation steps (default: ${DEFAULT-VALUE})")
  long steps = 100_000;

  @Option(names = {"--batch", "--batch-size"}, description = "images per step (default: ${DEFAULT-VALUE})")
  int batch = 64;

  @Option(names = "--init-from", description = "start a new run from this model file's weights (a further stage; fresh optimiser and schedule;"
      + " its DICT classes, active count and N-grams are kept, --dict-start and --ngrams do not apply);"
      + " give it again with --resume so that the run summary still names the earlier stage (the checkpoint's"
      + " weights are used)")
  Path initFrom;

  @Option(names = "--resume", description = "continue from the last complete checkpoint of --out")
  boolean resume;

  @Option(names = "--max-minutes", description = "stop cleanly and save after M minutes (default: no limit)")
  double maxMinutes;

  @Option(names = "--seed", description = "seed of weights, word split, streams (default: ${DEFAULT-VALUE})")
  long seed = 1;

  @Option(names = "--stream-seed", description = "seed of the training images only (default: --seed). A further stage"
      + " (--init-from) must keep --seed, which fixes the word split, but should change this: with the same seed it"
      + " replays the images of the earlier stages from their first step. Give it again with --resume")
  Long streamSeed;

  @Option(names = "--lr", description = "base learning rate (default: ${DEFAULT-VALUE})")
  double lr = 1e-3;

  @Option(names = "--optimiser", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Optimiser optimiser = Optimiser.ADAM;

  @Option(names = "--schedule", description = "learning-rate schedule: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  LrSchedule schedule = LrSchedule.COSINE;

  @Option(names = "--warmup", description = "linear warm-up steps (default: ${DEFAULT-VALUE})")
  int warmup = 200;

  @Option(names = "--l2", description = "L2 weight decay (default: ${DEFAULT-VALUE})")
  double l2 = 1e-5;

  @Option(names = "--dropout", description = "dropout probability (default: ${DEFAULT-VALUE})")
  double dropout = 0.5;

  @Option(names = "--dict-start", description = "DICT classes active at the start (default: ${DEFAULT-VALUE})")
  int dictStart = 5_000;

  @Option(names = "--dict-step", description = "DICT classes added per growth (default: ${DEFAULT-VALUE})")
  int dictStep = 5_000;

  @Option(names = "--dict-grow-accuracy", description = "grow DICT when validation reaches this (default: ${DEFAULT-VALUE})")
  double dictGrowAccuracy = 0.8;

  @Option(names = "--dict-grow-patience", description = "... or after this many validations without gain (default: ${DEFAULT-VALUE})")
  int dictGrowPatience = 3;

  @Option(names = "--dict-grow-max-steps", description = "... or after this many steps (default: ${DEFAULT-VALUE})")
  long dictGrowMaxSteps = 20_000;

  @Option(names = "--dict-order", description = "DICT class order: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  DictOrder dictOrder = DictOrder.SHUFFLED;

  @Option(names = "--active-share", description = "share of words from active DICT classes while growing (default: ${DEFAULT-VALUE})")
  double activeShare = 0.9;

  @Option(names = "--threads", description = "background threads producing batches (default: ${DEFAULT-VALUE})")
  int threads = 1;

  @Option(names = "--holdout", description = "fraction of dictionary words never trained, for validation (default: ${DEFAULT-VALUE})")
  double holdout = 0.01;

  @Option(names = "--ngrams", description = "NGRAM vocabulary size (default: ${DEFAULT-VALUE})")
  int ngrams = 10_000;

  @Option(names = {"--short-ratio", "--short-words"}, description = "share of the training stream that is short texts, 1-4 characters"
      + " (a training word of that length or a random string; the dictionary's uniform draw has few): default ${DEFAULT-VALUE}")
  double shortWords = 0;

  @Option(names = {"--number-ratio", "--numbers"}, description = "share of the training stream that is numbers, digits only"
      + " (random alphanumeric strings have few runs of digits): default ${DEFAULT-VALUE}")
  double numbers = 0;

  @Option(names = "--symbols", description = "what the CTC head reads: LOWER (0-9, a-z) or PRINT (also A-Z and"
      + " . , ; : ! ? ' \" - ( ) [ ] / & %% $ \u20ac \u00a3 @ # + * =); a PRINT run may --init-from a LOWER model, whose CTC"
      + " output is widened (capitals start as their lowercase letters): default ${DEFAULT-VALUE}")
  org.jaznet.recognizer.head.SymbolSet symbols = org.jaznet.recognizer.head.SymbolSet.LOWER;

  @Option(names = "--char-symbols", description = "what the CHAR head reads: LOWER (23 positions x 37 outputs) or PRINT"
      + " (x 87: the symbols of --symbols PRINT and the end). Default: a new model's CHAR head reads --symbols; with"
      + " --init-from, the model's CHAR symbols are kept, and a LOWER CHAR head widens only with --char-symbols print"
      + " (capitals start as their lowercase letters, punctuation below the end); with --resume, the checkpoint's")
  org.jaznet.recognizer.head.SymbolSet charSymbols;

  @Option(names = {"--print-ratio", "--print-forms"}, description = "share of the training stream drawn as words occur in print"
      + " (punctuation attached, prices, dates, times, codes; see synth-engine's WordSource): default ${DEFAULT-VALUE}")
  double printForms = 0;

  @Option(names = {"--document-ratio", "--document-share"}, description = "share of the training stream rendered with the DOCUMENT recipe"
      + " (print on paper, scanner noise, 1-bit, fax, skew) beside --recipe; validation keeps --recipe: default"
      + " ${DEFAULT-VALUE}")
  double documentShare = 0;

  @Option(names = "--document-lowres", paramLabel = "P", description = "share of the --document-ratio images scanned at"
      + " low resolution (downsampled to 0.35-0.7 and back, as words of 100-150 dpi scans are): default ${DEFAULT-VALUE}")
  double documentLowRes = 0;

  @Option(names = {"--random-ratio", "--random-strings"}, description = "share of random strings in the synthetic stream (default: ${DEFAULT-VALUE})")
  double randomStrings = 0.1;

  @Option(names = "--validate-every", description = "steps between validations (default: ${DEFAULT-VALUE})")
  int validateEvery = 500;

  @Option(names = "--validation-size", description = "images per validation set (default: ${DEFAULT-VALUE})")
  int validationSize = 500;

  @Option(names = "--checkpoint-minutes", description = "minutes between checkpoints (default: ${DEFAULT-VALUE})")
  double checkpointMinutes = 5;

  @Option(names = "--log-every", description = "steps between progress updates and metric rows (default: ${DEFAULT-VALUE})")
  int logEvery = 10;

  @Option(names = "--target-accuracy", description = "stop once validation CHAR and DICT reach this fraction (default: never)")
  double targetAccuracy;

  @Option(names = "--recipe", description = "synthetic rendering: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  SynthRecipe recipe = SynthRecipe.MJSYNTH;

  @Option(names = "--precision", description = "weights in the model file: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Precision precision = Precision.FP32;

  @Option(names = "--progress", description = "bar, lines or auto (bar on a terminal) (default: ${DEFAULT-VALUE})")
  String progress = "auto";

  @Override
  public Integer call() throws Exception {
    Path dict = dictionary != null ? dictionary : ProjectPaths.defaultDictionary();
    if (!Files.isRegularFile(dict)) {
      System.err.println("jaznet train: dictionary " + dict + " is not a readable file");
      return 2;
    }
    Path dataDir = null;
    if (!data.equalsIgnoreCase("synth")) {
      dataDir = Path.of(data);
      if (!Files.exists(dataDir)) {
        System.err.println("jaznet train: --data " + data + " is neither 'synth' nor an existing dataset path");
        return 2;
      }
    }
    if (initFrom != null && !Files.isRegularFile(initFrom)) {
      System.err.println("jaznet train: --init-from " + initFrom + " is not a readable model file");
      return 2;
    }
    if (heads.isEmpty()) {
      System.err.println("jaznet train: --heads must name at least one of dict, char, ngram, ctc");
      return 2;
    }
    TrainConfig config;
    try {
      TrainConfig.Builder builder = TrainConfig.builder(dict, out)
          .arch(arch).heads(EnumSet.copyOf(heads)).dataDir(dataDir).steps(steps).batch(batch).resume(resume)
          .maxMinutes(maxMinutes).seed(seed).learningRate(lr).optimiser(optimiser).schedule(schedule)
          .warmupSteps(warmup).l2(l2).dropout(dropout).dictStart(dictStart).dictStep(dictStep)
          .dictGrowAccuracy(dictGrowAccuracy).dictGrowPatience(dictGrowPatience).dictGrowMaxSteps(dictGrowMaxSteps)
          .dictOrder(dictOrder).activeShare(activeShare).threads(threads).holdout(holdout).ngramSize(ngrams)
          .randomStringRatio(randomStrings).shortWordRatio(shortWords).numberRatio(numbers).symbols(symbols).charSymbols(charSymbols).printRatio(printForms).documentShare(documentShare).documentLowRes(documentLowRes).validateEvery(validateEvery).validationSize(validationSize)
          .checkpointMinutes(checkpointMinutes).logEvery(logEvery).precision(precision).recipe(recipe).targetAccuracy(targetAccuracy)
          .initFrom(initFrom);
      if (streamSeed != null) {
        builder.streamSeed(streamSeed);
      }
      config = builder.build();
    } catch (IllegalArgumentException e) {
      System.err.println("jaznet train: " + e.getMessage());
      return 2;
    }
    boolean bar = progress.equals("bar") || (progress.equals("auto") && System.console() != null);
    Progress listener = new Progress(bar, batch);
    Trainer.TrainResult r;
    try {
      r = new Trainer(config, listener).run();
    } catch (IllegalStateException e) {
      listener.close();
      System.err.println("jaznet train: " + e.getMessage());
      return 1;
    } finally {
      listener.close();
    }
    System.out.printf(Locale.ROOT, "trained %d steps (%d images) in %.1f min at %.1f images/s; %s%n", r.step(),
        r.imagesSeen(), r.seconds() / 60, r.imagesPerSecond(), switch (r.stopReason()) {
          case STEPS -> "all steps done";
          case TIME_LIMIT -> "stopped by the time limit (--resume continues)";
          case TARGET_REACHED -> "target accuracy reached";
        });
    System.out.println("validation: " + describe(r.validation()));
    System.out.println("model: " + r.model());
    return 0;
  }

  static String describe(ValidationResult v) {
    if (v == null) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    append(sb, "CHAR unseen", v.charUnseen());
    append(sb, "CHAR seen", v.charSeen());
    append(sb, "DICT(" + v.dictActive() + ")", v.dictSeen());
    append(sb, "NGRAM F1", v.ngramF1());
    append(sb, "CTC unseen", v.ctcUnseen());
    append(sb, "CTC seen", v.ctcSeen());
    return sb.length() == 0 ? "none" : sb.toString();
  }

  private static void append(StringBuilder sb, String name, double v) {
    if (!Double.isNaN(v)) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(String.format(Locale.ROOT, "%s %.1f%%", name, 100 * v));
    }
  }

  /** A progress bar on a terminal; plain lines (every ~30 s) in logs. */
  static final class Progress implements TrainListener, AutoCloseable {
    private final boolean bar;
    private final int batch;
    private ProgressBar pb;
    private long lastLine;

    Progress(boolean bar, int batch) {
      this.bar = bar;
      this.batch = batch;
    }

    @Override
    public void onStart(long firstStep, long totalSteps) {
      if (bar) {
        pb = new ProgressBarBuilder().setTaskName("train").setInitialMax(totalSteps).setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(1000).startsFrom(firstStep, Duration.ZERO).build();
      } else {
        System.err.printf(Locale.ROOT, "train: steps %d..%d%n", firstStep, totalSteps);
      }
    }

    @Override
    public void onStep(StepReport r) {
      String msg = String.format(Locale.ROOT, "loss %.3f lr %.1e %.0f img/s%s%s", r.loss(), r.learningRate(),
          r.imagesPerSecond(), r.dictActive() > 0 ? " dict " + r.dictActive() : "",
          r.lastValidation() == null ? "" : " val " + headline(r.lastValidation()));
      if (pb != null) {
        pb.stepTo(r.step());
        pb.setExtraMessage(msg);
      } else if (System.nanoTime() - lastLine > 30e9 || r.step() == r.totalSteps()) {
        lastLine = System.nanoTime();
        long left = r.totalSteps() - r.step();
        double etaHours = r.imagesPerSecond() > 0 ? left * (double) batch / r.imagesPerSecond() / 3600 : Double.NaN;
        System.err.printf(Locale.ROOT, "step %d/%d %s (%.2f h trained, ETA %.2f h)%n", r.step(), r.totalSteps(), msg,
            r.seconds() / 3600, etaHours);
      }
    }

    private static String headline(ValidationResult v) {
      return describe(v);
    }

    @Override
    public void onValidation(ValidationResult v) {
      event("validation at step " + v.step() + ": " + describe(v));
    }

    @Override
    public void onEvent(String message) {
      event(message);
    }

    private void event(String message) {
      if (pb != null) {
        System.err.print("\r\033[K");
      }
      System.err.println(message);
    }

    @Override
    public void close() {
      if (pb != null) {
        pb.close();
        pb = null;
      }
    }
  }
}
