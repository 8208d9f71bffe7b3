package org.jaznet.pipeline.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.jaznet.pipeline.io.InputSpec;
import org.jaznet.pipeline.io.WordRef;

/**
 * The batch recognition pipeline: ReadImages, RecognizeWords, WriteResults (+ ScoreAccuracy). The same
 * code runs on the DirectRunner, on Flink and on Spark; only the options differ.
 */
public final class BatchPipeline {
  private BatchPipeline() {}

  /** Adds the batch transforms to {@code p}; returns the results and (all) failures. */
  public static PCollectionTuple build(Pipeline p, BatchOptions o) {
    ReadImages read = ReadImages.from(InputSpec.parse(o.getInput()));
    if (o.getLabels() != null) {
      read = read.withLabels(o.getLabels());
    }
    PCollectionTuple refs = p.apply("ReadImages", read);
    PCollection<WordRef> words = refs.get(BatchTags.REFS);
    ModelSpec model = o.getModel() == null ? ModelSpec.defaultModel() : ModelSpec.file(o.getModel());
    PCollectionTuple read2 = words.apply("RecognizeWords",
        RecognizeWords.with(model).withBatchSize(o.getBatchSize()).withGroups(o.getGroups()));
    PCollection<Failure> failures = PCollectionList.of(refs.get(BatchTags.FAILURES)).and(read2.get(BatchTags.FAILURES))
        .apply("AllFailures", Flatten.pCollections());
    PCollectionTuple out = PCollectionTuple.of(BatchTags.RESULTS, read2.get(BatchTags.RESULTS))
        .and(BatchTags.FAILURES, failures);
    out.apply("WriteResults", WriteResults.to(o.getOutput()).withFormat(o.getFormat()).withShards(o.getOutputShards()));
    read2.get(BatchTags.RESULTS)
        .apply("ScoreAccuracy", ScoreAccuracy.of())
        .apply("WriteAccuracy", TextIO.write().to(o.getOutput() + "/accuracy").withSuffix(".tsv").withoutSharding());
    return out;
  }

  /** Checks the options, runs the pipeline to the end and returns its summary. */
  public static BatchSummary run(BatchOptions o) throws IOException {
    check(o);
    Files.createDirectories(Path.of(o.getOutput()));
    Pipeline p = Pipeline.create(o);
    build(p, o);
    long t0 = System.nanoTime();
    PipelineResult result = p.run();
    result.waitUntilFinish();
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new BatchSummary(counter(result, BatchTags.IMAGES), counter(result, BatchTags.FAILURE_COUNT),
        counter(result, BatchTags.BYTES), seconds);
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
    if (o.getModel() != null && !Files.isRegularFile(Path.of(o.getModel()))) {
      throw new IllegalArgumentException("model file " + o.getModel() + " does not exist");
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
