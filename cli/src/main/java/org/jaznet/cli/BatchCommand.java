package org.jaznet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.jaznet.pipeline.batch.BatchOptions;
import org.jaznet.pipeline.batch.BatchPipeline;
import org.jaznet.pipeline.batch.BatchSummary;
import org.jaznet.pipeline.batch.OutputFormat;
import org.jaznet.pipeline.batch.RunnerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jaznet batch}: reads every word of a corpus, archive or manifest with the Beam pipeline. */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = {"Read every word image of a corpus with a Beam pipeline.",
        "Writes results-*.jsonl and failures-*.jsonl (or .csv) and accuracy.tsv under --output.",
        "Other --name=value flags go to the Beam runner (e.g. --flinkMaster=host:8081)."})
final class BatchCommand implements Callable<Integer> {
  @Option(names = "--input", required = true, paramLabel = "SPEC",
      description = "a glob ('dir/**/*.{png,jpg,jpeg,tif,bmp}'), a .zip/.tar/.tar.gz archive, or a .csv/.jsonl manifest")
  String input;

  @Option(names = {"--output", "--out"}, required = true, paramLabel = "DIR", description = "output directory")
  Path output;

  @Option(names = "--model", paramLabel = "M", description = "model file (default: the default model in models/)")
  Path model;

  @Option(names = "--runner", defaultValue = "DirectRunner", converter = RunnerConverter.class,
      description = "DirectRunner (default), FlinkRunner or SparkRunner")
  RunnerKind runner;

  @Option(names = "--batch-size", defaultValue = "64", paramLabel = "B", description = "images per forward pass (default 64)")
  int batchSize;

  @Option(names = "--no-lm", description = "fuse the heads without the character language model (see models/README.md)")
  boolean noLm;

  @Option(names = "--heads", defaultValue = "fast", paramLabel = "H",
      description = {"heads to read: fast (default: every head of the model but NGRAM, whose reading searches the whole",
          "dictionary and costs about as much as the network), all, or a list such as ctc,char,dict,ngram.",
          "The fused reading's candidates are scored by every head either way."})
  String heads;

  @Option(names = "--labels", paramLabel = "FILE", description = "labels.tsv: path<TAB>label per line")
  Path labels;

  @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (default) or csv")
  OutputFormat format;

  @Option(names = {"--workers", "--threads"}, paramLabel = "N", description = "parallel workers (default: the number of cores)")
  Integer workers;

  @Option(names = "--groups", defaultValue = "16", paramLabel = "G",
      description = "groups the words are spread over (default 16); each gets one results file (and one failures file if any of its words failed)")
  int groups;

  @Option(names = "--pages", description = {"read whole pages (PNG, JPEG, TIFF, PDF) instead of word images: detect their words,",
      "read them in shared batches, write one --page-format file per input file and failures-pages.jsonl"})
  boolean pages;

  @Option(names = "--page-format", defaultValue = "json", paramLabel = "F",
      description = "with --pages: json (default), text, hocr or alto")
  org.jaznet.pages.write.PageFormat pageFormat;

  @Option(names = "--detector", defaultValue = "auto", paramLabel = "D",
      description = "with --pages: doc, scene or auto (default)")
  org.jaznet.pages.detect.DetectorKind detector;

  @Option(names = "--scene-model", paramLabel = "M",
      description = "with --pages: scene detector model file (default: models/jaznet-scene-detector.zip)")
  java.nio.file.Path sceneModel;

  @Option(names = "--dpi", defaultValue = "300", paramLabel = "N", description = "with --pages: PDF render resolution (default 300)")
  int dpi;

  @CommandLine.Unmatched List<String> runnerArgs = new ArrayList<>();

  static final class RunnerConverter implements CommandLine.ITypeConverter<RunnerKind> {
    @Override
    public RunnerKind convert(String value) {
      try {
        return RunnerKind.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() {
    if (sceneModel != null && !java.nio.file.Files.isRegularFile(sceneModel)) {
      System.err.println("jaznet batch: --scene-model: no such file: " + sceneModel);
      return 2;
    }
    for (String a : runnerArgs) {
      if (!a.startsWith("--")) {
        System.err.println("jaznet batch: unexpected argument '" + a + "' (runner flags look like --name=value)");
        return 2;
      }
    }
    if (pages) {
      return runPages();
    }
    BatchSummary summary;
    try {
      BatchOptions o = options(BatchOptions.class);
      o.setLabels(labels == null ? null : labels.toString());
      o.setFormat(format);
      summary = BatchPipeline.run(o);
    } catch (IllegalArgumentException e) {
      System.err.println("jaznet batch: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      System.err.println("jaznet batch: the run failed: " + rootMessage(e));
      return 1;
    }
    System.out.println(summary.line());
    System.out.println("output: " + output.toAbsolutePath() + "/results-*" + (format == OutputFormat.CSV ? ".csv" : ".jsonl")
        + ", failures-*, accuracy.tsv");
    Path accuracy = output.resolve("accuracy.tsv");
    try {
      if (Files.isRegularFile(accuracy) && Files.size(accuracy) > 0) {
        System.out.print(Files.readString(accuracy, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      System.err.println("jaznet batch: cannot read " + accuracy + ": " + e.getMessage());
    }
    return 0;
  }

  /** The runner flags parsed as {@code type}, with the options word and page runs share and the runner set. */
  private <T extends BatchOptions> T options(Class<T> type) {
    T o = PipelineOptionsFactory.fromArgs(runnerArgs.toArray(String[]::new)).as(type);
    o.setInput(input);
    o.setOutput(output.toAbsolutePath().toString());
    o.setModel(model == null ? null : model.toString());
    o.setBatchSize(batchSize);
    o.setHeads(heads);
    o.setLanguageModel(!noLm);
    o.setGroups(groups);
    runner.configure(o, workers == null ? Runtime.getRuntime().availableProcessors() : workers);
    return o;
  }

  private int runPages() {
    try {
      org.jaznet.pipeline.io.InputCheck.requireSomeInput(org.jaznet.pipeline.io.InputSpec.parse(input));
      org.jaznet.pipeline.pages.PagesOptions o = options(org.jaznet.pipeline.pages.PagesOptions.class);
      o.setPageFormat(pageFormat);
      o.setDetector(detector);
      o.setSceneModel(sceneModel == null ? null : sceneModel.toAbsolutePath().toString());
      o.setDpi(dpi);
      org.jaznet.pipeline.pages.PagesPipeline.Summary summary = org.jaznet.pipeline.pages.PagesPipeline.run(o);
      System.out.println(summary);
      System.out.println("output: " + output.toAbsolutePath() + "/<file name>" + pageFormat.suffix() + ", "
          + org.jaznet.pipeline.pages.PagesPipeline.FAILURES_FILE + ".jsonl");
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("jaznet batch: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      System.err.println("jaznet batch: the run failed: " + rootMessage(e));
      return 1;
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (cause: " + t + ")";
  }
}
