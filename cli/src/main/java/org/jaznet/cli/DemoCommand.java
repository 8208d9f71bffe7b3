package org.jaznet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.jaznet.pipeline.batch.BatchOptions;
import org.jaznet.pipeline.batch.BatchPipeline;
import org.jaznet.pipeline.batch.BatchSummary;
import org.jaznet.pipeline.batch.OutputFormat;
import org.jaznet.pipeline.batch.RunnerKind;
import org.jaznet.pipeline.report.HtmlReport;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.run.RunConfig;
import org.jaznet.synth.run.RunSummary;
import org.jaznet.synth.run.SynthRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jaznet demo}: the whole system in one command. Renders a small synthetic archive (MJSynth
 * layout), reads it back with the batch pipeline and a model (the default one unless {@code --model}),
 * prints accuracy and images/s, and writes a contact sheet and an HTML report.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run a small end-to-end demo: synthetic words, read by the batch pipeline, an HTML report.",
        "Generates a small synthetic archive, reads it with the batch pipeline and the default model,",
        "prints accuracy and images/s, and writes an HTML report (open DIR/report.html in a browser).",
        "The pipeline reads as ./jaznet batch does by default (--heads fast: every head but NGRAM)."})
final class DemoCommand implements Callable<Integer> {
  private static final String MARKER = ".jaznet-demo";

  @Option(names = {"--out", "--output"}, defaultValue = "demo-out", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--count", defaultValue = "500", paramLabel = "N", description = "synthetic images (default: ${DEFAULT-VALUE})")
  long count;

  @Option(names = "--seed", defaultValue = "2026", description = "seed of the synthetic archive (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--model", paramLabel = "M", description = "model file (default: the shipped default model)")
  Path model;

  @Option(names = "--threads", paramLabel = "T", description = "rendering threads and pipeline workers (default: cores)")
  Integer threads;

  @Override
  public Integer call() {
    if (count <= 0) {
      System.err.println("jaznet demo: --count must be > 0, got " + count);
      return 2;
    }
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    Path dir = out.toAbsolutePath().normalize();
    Path archive = dir.resolve("archive");
    Path results = dir.resolve("results");
    try {
      prepare(dir);
      System.out.printf(Locale.ROOT, "1/3 rendering %d synthetic word images into %s%n", count, archive);
      SynthEngine engine = SynthEngine.create(SynthConfig.defaults(seed));
      RunSummary synth = new SynthRun(engine, RunConfig.of(count, archive).withThreads(t)
          .withPreview(dir.resolve("contact-sheet.png"))).run((done, total) -> { });
      System.out.printf(Locale.ROOT, "    %d images written in %.1f s (%.0f images/s)%n",
          synth.written(), synth.seconds(), synth.imagesPerSecond());

      System.out.println("2/3 reading them with the batch pipeline (DirectRunner, "
          + (model == null ? "default model" : "model " + model) + ")");
      BatchOptions o = PipelineOptionsFactory.create().as(BatchOptions.class);
      o.setInput(archive + "/**/*.jpg");
      o.setOutput(results.toString());
      o.setModel(model == null ? null : model.toAbsolutePath().toString());
      o.setBatchSize(64);
      o.setGroups(16);
      o.setLabels(archive.resolve("labels.tsv").toString());
      o.setFormat(OutputFormat.JSONL);
      RunnerKind.DIRECT.configure(o, t);
      BatchSummary summary = BatchPipeline.run(o);
      System.out.println("    " + summary.line());
      Path accuracyFile = results.resolve("accuracy.tsv");
      Double fused = null;
      if (Files.isRegularFile(accuracyFile)) {
        String table = Files.readString(accuracyFile, StandardCharsets.UTF_8);
        System.out.print(table.indent(4));
        fused = fusedAccuracy(table);
      }

      System.out.println("3/3 writing the report");
      Path report = dir.resolve("report.html");
      HtmlReport.write(results, report, new HtmlReport.Summary("jaznet demo: " + count + " synthetic words",
          summary.results(), summary.failures(), fused, summary.imagesPerSecond()), 500);
      System.out.printf(Locale.ROOT, "demo: %d images, accuracy %s, %.1f images/s; report %s, contact sheet %s%n",
          summary.inputs(), fused == null ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * fused),
          summary.imagesPerSecond(), report, dir.resolve("contact-sheet.png"));
      return 0;
    } catch (SynthException | IllegalArgumentException e) {
      System.err.println("jaznet demo: " + e.getMessage());
      return 1;
    } catch (IOException | RuntimeException e) {
      System.err.println("jaznet demo: the run failed: " + BatchCommand.rootMessage(e));
      return 1;
    }
  }

  /** Makes {@code dir} ready: created if missing; a previous demo's output is replaced; anything else refused. */
  static void prepare(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      boolean empty;
      try (Stream<Path> s = Files.list(dir)) {
        empty = s.findAny().isEmpty();
      }
      if (!empty && !Files.exists(dir.resolve(MARKER))) {
        throw new IllegalArgumentException("output folder " + dir
            + " is not empty and was not made by jaznet demo; choose another --out");
      }
      for (String child : List.of("archive", "results", "report.html", "contact-sheet.png")) {
        deleteTree(dir.resolve(child));
      }
    }
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(MARKER), "made by jaznet demo\n", StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  /** The fused accuracy (fraction) from the pipeline's accuracy.tsv, or null. */
  static Double fusedAccuracy(String table) {
    for (String line : table.split("\n")) {
      String[] f = line.split("\t");
      if (f.length == 4 && f[0].equals("fused")) {
        return Double.parseDouble(f[3]) / 100.0;
      }
    }
    return null;
  }
}
