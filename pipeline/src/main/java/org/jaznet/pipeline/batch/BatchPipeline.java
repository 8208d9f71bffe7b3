package org.jaznet.pipeline.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.jaznet.pipeline.io.InputSpec;

/**
 * The batch recognition pipeline: ReadImages, RecognizeAndWrite (+ ScoreAccuracy). The same
 * code runs on the DirectRunner, on Flink and on Spark; only the options differ.
 */
public final class BatchPipeline {
  private BatchPipeline() {}

  /**
   * Adds the batch transforms to {@code p}, writing under {@code o.getOutput()}: ReadImages, then
   * RecognizeAndWrite (each group's {@code results-*} and {@code failures-*} file), the listing's
   * failures ({@code failures-listing}) and the accuracy table. Returns the per-group reports.
   */
  public static PCollection<RecognizeAndWrite.GroupReport> build(Pipeline p, BatchOptions o) {
    return build(p, o, o.getOutput());
  }

  private static PCollection<RecognizeAndWrite.GroupReport> build(Pipeline p, BatchOptions o, String outputDir) {
    ReadImages read = ReadImages.from(InputSpec.parse(o.getInput()));
    if (o.getLabels() != null) {
      read = read.withLabels(o.getLabels());
    }
    PCollectionTuple refs = p.apply("ReadImages", read);
    ModelSpec model = (o.getModel() == null ? ModelSpec.defaultModel() : ModelSpec.file(o.getModel()))
        .withHeads(HeadSelection.parse(o.getHeads())).withLanguageModel(o.getLanguageModel());
    OutputFormat format = o.getFormat();
    PCollection<RecognizeAndWrite.GroupReport> reports = refs.get(BatchTags.REFS).apply("RecognizeAndWrite",
        RecognizeAndWrite.to(model, outputDir).withFormat(format).withBatchSize(o.getBatchSize())
            .withGroups(o.getGroups()));
    refs.get(BatchTags.FAILURES)
        .apply("FormatListingFailures", MapElements.into(TypeDescriptors.strings())
            .via((Failure f) -> Records.line(f, format)))
        .apply("WriteListingFailures", WriteTextFile.to(outputDir, LISTING_FAILURES + format.suffix(),
            Records.failuresHeader(format)));
    reports
        .apply("Tallies", MapElements.into(TypeDescriptor.of(ScoreAccuracy.Tally.class))
            .via(RecognizeAndWrite.GroupReport::tally))
        .setCoder(SerializableCoder.of(ScoreAccuracy.Tally.class))
        .apply("ScoreAccuracy", ScoreAccuracy.fromTallies())
        .apply("WriteAccuracy", WriteTextFile.to(outputDir, ACCURACY_FILE, null));
    return reports;
  }

  /**
   * Checks the options, runs the pipeline to the end and returns its summary. The run writes into a
   * fresh {@code <output>/.run-<id>/} folder; only when it has finished are the previous run's
   * {@code results-*}, {@code failures-*} and {@code accuracy.tsv} removed and the new files moved in, so
   * a rerun (with any shard count) never leaves stale shards beside new ones, and a killed run leaves the
   * previous complete output in place. One run per output folder at a time.
   */
  public static BatchSummary run(BatchOptions o) throws IOException {
    check(o);
    Path out = Path.of(o.getOutput()).toAbsolutePath().normalize();
    Files.createDirectories(out);
    removeStaging(out);
    Path stage = out.resolve(STAGING_PREFIX + UUID.randomUUID());
    Files.createDirectories(stage);
    Pipeline p = Pipeline.create(o);
    build(p, o, stage.toString());
    long t0 = System.nanoTime();
    PipelineResult result;
    try {
      result = p.run();
      result.waitUntilFinish();
    } catch (RuntimeException e) {
      deleteTree(stage);
      throw e;
    }
    ensureResultsFile(stage, o.getFormat());
    ensureSideFiles(stage, o.getFormat());
    publish(stage, out);
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new BatchSummary(counter(result, BatchTags.IMAGES), counter(result, BatchTags.FAILURE_COUNT),
        counter(result, BatchTags.BYTES), seconds);
  }

  private static final String STAGING_PREFIX = ".run-";
  private static final String LISTING_FAILURES = "failures-listing";
  private static final String ACCURACY_FILE = "accuracy.tsv";

  private static boolean isOutputFile(String name) {
    return name.startsWith("results-") || name.startsWith("failures-") || name.equals("accuracy.tsv");
  }

  /** A run with no word to read (every input failed at listing) still has a results file, empty. */
  private static void ensureResultsFile(Path stage, OutputFormat format) throws IOException {
    try (Stream<Path> s = Files.list(stage)) {
      if (s.anyMatch(f -> f.getFileName().toString().startsWith("results-"))) {
        return;
      }
    }
    String header = Records.resultsHeader(format) == null ? "" : Records.resultsHeader(format) + "\n";
    Files.writeString(stage.resolve(RecognizeAndWrite.fileName("results", 0, 1, format)), header);
  }

  /** The listing's failures file and the accuracy table are there even when empty (no listing failure, no label). */
  private static void ensureSideFiles(Path stage, OutputFormat format) throws IOException {
    Path f = stage.resolve(LISTING_FAILURES + format.suffix());
    if (!Files.exists(f)) {
      String header = Records.failuresHeader(format);
      Files.writeString(f, header == null ? "" : header + "\n");
    }
    // no labelled word: an empty accuracy table, as before
    Path accuracy = stage.resolve(ACCURACY_FILE);
    if (!Files.exists(accuracy)) {
      Files.writeString(accuracy, "");
    }
  }

  /** Replaces the previous run's output files by the staged ones. */
  private static void publish(Path stage, Path out) throws IOException {
    try (Stream<Path> old = Files.list(out)) {
      for (Path f : old.filter(f -> Files.isRegularFile(f) && isOutputFile(f.getFileName().toString())).toList()) {
        Files.delete(f);
      }
    }
    try (Stream<Path> fresh = Files.list(stage)) {
      for (Path f : fresh.filter(f -> Files.isRegularFile(f) && isOutputFile(f.getFileName().toString())).toList()) {
        Files.move(f, out.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    deleteTree(stage);
  }

  /** Staging folders of killed runs. */
  private static void removeStaging(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      for (Path d : s.filter(d -> Files.isDirectory(d) && d.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
        deleteTree(d);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }

  static void check(BatchOptions o) throws IOException {
    if (o.getInput() == null || o.getInput().isBlank()) {
      throw new IllegalArgumentException("--input is required");
    }
    if (o.getOutput() == null || o.getOutput().isBlank()) {
      throw new IllegalArgumentException("--output is required");
    }
    if (o.getBatchSize() <= 0) {
      throw new IllegalArgumentException("--batch-size must be > 0, got " + o.getBatchSize());
    }
    if (o.getGroups() <= 0) {
      throw new IllegalArgumentException("--groups must be > 0, got " + o.getGroups());
    }
    // a spec that names nothing at all is a bad option (exit 2), not a run with one failure
    org.jaznet.pipeline.io.InputCheck.requireSomeInput(InputSpec.parse(o.getInput()));
    HeadSelection heads = HeadSelection.parse(o.getHeads());
    if (o.getModel() != null && !Files.isRegularFile(Path.of(o.getModel()))) {
      throw new IllegalArgumentException("model file " + o.getModel() + " does not exist");
    }
    if (heads.kind() == HeadSelection.Kind.LISTED) {
      // a listed head the model lacks is a bad option: say so before any input is read (the launcher
      // loads the model once; the DirectRunner's workers then share it)
      ModelSpec spec = o.getModel() == null ? ModelSpec.defaultModel() : ModelSpec.file(o.getModel());
      try {
        Models.get(spec.withHeads(heads));
      } catch (org.jaznet.recognizer.RecognizerException e) {
        throw new IllegalArgumentException("--heads " + heads + " with model "
            + (o.getModel() == null ? "(default)" : o.getModel()) + ": " + e.getMessage(), e);
      }
    }
    if (o.getLabels() != null) {
      Path labels = Path.of(o.getLabels());
      if (!Files.isRegularFile(labels)) {
        throw new IllegalArgumentException("labels file " + labels + " does not exist");
      }
      List<String> problems = ReadImages.checkLabelsFile(labels);
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException("labels file is malformed: " + String.join("; ", problems));
      }
    }
  }

  static long counter(PipelineResult result, String name) {
    MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(BatchTags.NAMESPACE, name)).build());
    long sum = 0;
    for (MetricResult<Long> c : q.getCounters()) {
      Long v;
      try {
        v = c.getCommitted();
      } catch (UnsupportedOperationException e) {
        v = c.getAttempted();
      }
      sum += v == null ? 0 : v;
    }
    return sum;
  }

  /** Runs from the command line with Beam-style flags ({@code --input=... --output=... --runner=...}). */
  public static void main(String[] args) throws IOException {
    BatchOptions o = PipelineOptionsFactory.fromArgs(args).withValidation().as(BatchOptions.class);
    System.out.println(run(o).line());
  }
}
