package org.jaznet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jaznet.pipeline.batch.RunnerKind;
import org.jaznet.pipeline.synth.ShardedSynth;
import org.jaznet.synth.CaseMode;
import org.jaznet.synth.RecipeKind;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.run.OutputFormat;
import org.jaznet.synth.run.RunConfig;
import org.jaznet.synth.run.RunSummary;
import org.jaznet.synth.run.SynthRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code jaznet synth}: renders a synthetic dataset with {@link SynthRun}. Exit code 0 only when all
 * {@code --count} images are written; 1 for bad input (the message on stderr names it); 2 for bad usage.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
    description = {"Render synthetic word images (MJSynth recipe) into a dataset folder: MJSynth layout, "
        + "LMDB or labels.tsv (labels.tsv is written with every format).",
        "Same seed, same bytes, whatever --threads; a killed run continues with --resume."})
final class SynthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--count", required = true, description = "Number of images.")
  long count;

  @Option(names = {"--out", "--output"}, required = true, description = "Output folder (must be empty unless --resume).")
  Path out;

  @Option(names = "--format", defaultValue = "mjsynth",
      description = "mjsynth (a/b/n_WORD_idx.jpg + annotation.txt + lexicon.txt), lmdb (CRNN layout) or tsv "
          + "(images/ + labels.tsv). Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Option(names = "--seed", defaultValue = "0", description = "Run seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--threads", description = "Rendering threads. Default: available processors.")
  Integer threads;

  @Option(names = "--dictionary", description = "Word list, UTF-8, one word a line. Default: dictionaries/en-90k.txt.")
  Path dictionary;

  @Option(names = "--fonts", description = "Font folder. Default: fonts/.")
  Path fonts;

  @Option(names = "--backgrounds", description = "Natural-photo folder. Default: backgrounds/.")
  Path backgrounds;

  @Option(names = {"--short-ratio", "--short-words"}, description = "Fraction of short texts, 1-4 characters (a dictionary word of that"
      + " length or a random string). Default: 0, as MJSynth.")
  Double shortRatio;

  @Option(names = {"--number-ratio", "--numbers"}, description = "Fraction of numbers, digits only. Default: 0, as MJSynth.")
  Double numberRatio;

  @Option(names = {"--print-ratio", "--print-forms"}, description = "Fraction of words as they occur in print:"
      + " punctuation attached, contractions, hyphenations, prices, dates, times, codes (shares: synth-engine's"
      + " WordSource). Default: 0, as MJSynth.")
  Double printRatio;

  @Option(names = "--recipe", description = "Rendering: MJSYNTH (photographs, borders, curves, blending, noise,"
      + " blur, JPEG), DOCUMENT (print on paper as a scanner or fax sees it: skew, scanner noise, blur, 1-bit, fax,"
      + " JPEG; written as PNG) or PLAIN (no random effects). Default: ${DEFAULT-VALUE}.")
  RecipeKind recipe = RecipeKind.MJSYNTH;

  @Option(names = "--document-lowres", paramLabel = "P", description = "With --recipe DOCUMENT: the share of images"
      + " scanned at low resolution (downsampled to 0.35-0.7 and back, as words of 100-150 dpi scans are). Default: 0.")
  Double documentLowRes;

  @Option(names = {"--colour", "--color"}, description = "Write RGB images, as MJSynth's are (each layer's hue from"
      + " the photograph its grey level came from); the grey decoding of each image is its luma. Default: grey.")
  boolean colour;

  @Option(names = {"--random-ratio", "--random-strings"}, description = "Fraction of random digit/letter strings. Default: the engine's.")
  Double randomRatio;

  @Option(names = "--case", description = "lower, upper, capitalized or mixed. Default: the engine's.")
  CaseMode caseMode;

  @Option(names = "--resume", description = "Finish an interrupted run in --out.")
  boolean resume;

  @Option(names = "--char-boxes", description = "Also write charboxes.jsonl (one quad per character).")
  boolean charBoxes;

  @Option(names = "--preview", description = "Write a PNG contact sheet of the first 64 samples here.")
  Path preview;

  @Option(names = "--no-progress", description = "No progress bar.")
  boolean noProgress;

  @Option(names = "--runner", converter = BatchCommand.RunnerConverter.class,
      description = "Render in shards on a Beam runner (DirectRunner, FlinkRunner or SparkRunner) with --threads "
          + "workers instead of local threads; same files. mjsynth and tsv formats only. Extra --name=value "
          + "flags go to the runner.")
  RunnerKind runner;

  @Option(names = "--documents", description = "Render whole document pages instead of word images: --out gets"
      + " images/page-NNNNN.png and words.jsonl (word boxes and texts), the layout eval-pages reads.")
  boolean documents;

  @Option(names = "--layout", description = "With --documents: TEXT (headings and paragraphs), FORMS (scanned forms:"
      + " fields on underlines and in boxes, tables, checkboxes, leaders, stamps, logos, speckle, faded and broken"
      + " print; rules and marks are not words) or MIXED (a page a form with probability --form-share)."
      + " Default: ${DEFAULT-VALUE}.")
  org.jaznet.synth.document.DocumentLayout layout = org.jaznet.synth.document.DocumentLayout.TEXT;

  @Option(names = "--word-boxes", description = "With --documents: the boxes written in words.jsonl. LINE (default):"
      + " the ink's width and the font's line band (ascenders to descenders) in height, as people and PDF text layers"
      + " box words; INK: the tight box of the word's ink.")
  org.jaznet.synth.document.WordBoxes wordBoxes = org.jaznet.synth.document.WordBoxes.LINE;

  @Option(names = "--form-share", description = "With --layout MIXED: the share of form pages, in [0, 1]. Default: 0.5.")
  Double formShare;

  @Option(names = "--scenes", description = "Render synthetic scene photographs instead of word images: --out gets"
      + " images/scene-NNNNN.png and words.jsonl (word boxes and texts), the scene detector's training and development data.")
  boolean scenes;

  @Unmatched List<String> runnerArgs = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (count <= 0) {
      throw new ParameterException(spec.commandLine(), "--count must be > 0, got " + count);
    }
    if (t <= 0) {
      throw new ParameterException(spec.commandLine(), "--threads must be > 0, got " + t);
    }
    if (documents && scenes) {
      throw new ParameterException(spec.commandLine(), "--documents and --scenes exclude each other");
    }
    if (scenes) {
      try {
        org.jaznet.synth.scene.SceneSynth.write(out, Math.toIntExact(count), seed);
        outWriter.println("synth --scenes: " + count + " scenes with word boxes in " + out);
        return 0;
      } catch (java.io.IOException | org.jaznet.synth.SynthException e) {
        err.println("jaznet synth: " + e.getMessage());
        return 1;
      }
    }
    if (!documents && (layout != org.jaznet.synth.document.DocumentLayout.TEXT || formShare != null)) {
      throw new ParameterException(spec.commandLine(), "--layout and --form-share go with --documents");
    }
    if (documents) {
      try {
        org.jaznet.synth.document.DocumentSynth.write(out, Math.toIntExact(count), seed, documentConfig());
        outWriter.println("synth --documents: " + count + " pages with word boxes in " + out);
        return 0;
      } catch (java.io.IOException | org.jaznet.synth.SynthException e) {
        err.println("jaznet synth: " + e.getMessage());
        return 1;
      }
    }
    if (!runnerArgs.isEmpty() && runner == null) {
      throw new ParameterException(spec.commandLine(), "unknown arguments " + runnerArgs
          + " (runner flags --name=value are accepted only with --runner)");
    }
    for (String a : runnerArgs) {
      if (!a.startsWith("--")) {
        throw new ParameterException(spec.commandLine(),
            "unexpected argument '" + a + "' (runner flags look like --name=value)");
      }
    }
    if (runner != null && format == OutputFormat.LMDB) {
      throw new ParameterException(spec.commandLine(),
          "--runner renders shards in parallel processes; LMDB has one writer: use --format mjsynth or tsv");
    }
    if (shortRatio != null && !(shortRatio >= 0 && shortRatio <= 1)) {
      throw new ParameterException(spec.commandLine(), "--short-ratio must be in [0, 1], got " + shortRatio);
    }
    if (randomRatio != null && !(randomRatio >= 0 && randomRatio <= 1)) {
      throw new ParameterException(spec.commandLine(), "--random-ratio must be in [0, 1], got " + randomRatio);
    }
    SynthConfig config = SynthConfig.defaults(seed).withRecipe(recipe.recipe());
    if (documentLowRes != null) {
      if (recipe != RecipeKind.DOCUMENT || runner != null) {
        throw new ParameterException(spec.commandLine(), "--document-lowres needs --recipe DOCUMENT and no --runner"
            + " (Beam workers render the named recipes only)");
      }
      if (!(documentLowRes >= 0 && documentLowRes <= 1)) {
        throw new ParameterException(spec.commandLine(), "--document-lowres must be in [0, 1], got " + documentLowRes);
      }
      SynthConfig.Recipe r = config.recipe();
      config = config.withRecipe(r.withDocumentLook(r.documentLook().orElseThrow().withLowResP(documentLowRes)));
    }
    if (dictionary != null) {
      config = config.withDictionary(dictionary);
    }
    if (fonts != null) {
      config = config.withFontsDir(fonts);
    }
    if (backgrounds != null) {
      config = config.withBackgroundsDir(backgrounds);
    }
    if (randomRatio != null) {
      config = config.withRandomStringRatio(randomRatio);
    }
    if (shortRatio != null) {
      config = config.withShortWordRatio(shortRatio);
    }
    if (printRatio != null) {
      config = config.withPrintRatio(printRatio);
    }
    if (numberRatio != null) {
      config = config.withNumberRatio(numberRatio);
    }
    if (caseMode != null) {
      config = config.withCaseMode(caseMode);
    }
    if (colour) {
      config = config.withColour(true);
    }
    RunConfig run = new RunConfig(count, out, format, t, resume, charBoxes, Optional.ofNullable(preview));
    RunSummary summary;
    try {
      if (runner != null) {
        summary = ShardedSynth.run(config, recipe, run, runner, runnerArgs);
      } else if (noProgress) {
        SynthEngine engine = SynthEngine.create(config);
        summary = new SynthRun(engine, run).run((done, total) -> { });
      } else {
        SynthEngine engine = SynthEngine.create(config);
        try (ProgressBar bar = progressBar(err)) {
          summary = new SynthRun(engine, run).run((done, total) -> bar.stepTo(done));
        }
      }
    } catch (SynthException e) {
      err.println("jaznet synth: " + e.getMessage());
      err.flush();
      return 1;
    }
    if (summary.written() + summary.skipped() != count) {
      err.println("jaznet synth: only " + (summary.written() + summary.skipped()) + " of " + count
          + " images were written to " + out);
      return 1;
    }
    outWriter.println("synth: " + summary.describe() + ", " + format.name().toLowerCase(java.util.Locale.ROOT)
        + " dataset in " + out.toAbsolutePath().normalize()
        + (preview == null ? "" : ", contact sheet " + preview.toAbsolutePath().normalize()));
    outWriter.flush();
    return 0;
  }

  private ProgressBar progressBar(PrintWriter err) {
    ProgressBarConsumer consumer = System.console() != null
        ? new ConsoleProgressBarConsumer(System.err)
        : new DelegatingProgressBarConsumer(line -> {
          err.println(line);
          err.flush();
        });
    return new ProgressBarBuilder().setTaskName("synth").setInitialMax(count).setStyle(ProgressBarStyle.ASCII)
        .setUnit(" img", 1).showSpeed().setUpdateIntervalMillis(System.console() != null ? 500 : 10_000)
        .setConsumer(consumer).build();
  }

  private org.jaznet.synth.document.DocumentConfig documentConfig() {
    double share = formShare == null ? org.jaznet.synth.document.DocumentConfig.DEFAULT_FORM_SHARE : formShare;
    if (!(share >= 0 && share <= 1)) {
      throw new ParameterException(spec.commandLine(), "--form-share must be in [0, 1], got " + share);
    }
    if (formShare != null && layout != org.jaznet.synth.document.DocumentLayout.MIXED) {
      throw new ParameterException(spec.commandLine(), "--form-share goes with --layout MIXED");
    }
    return new org.jaznet.synth.document.DocumentConfig(layout, share, wordBoxes);
  }
}
