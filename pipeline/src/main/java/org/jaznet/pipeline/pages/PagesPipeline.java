package org.jaznet.pipeline.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.jaznet.pages.input.PageLimits;
import org.jaznet.pipeline.batch.Failure;
import org.jaznet.pipeline.batch.HeadSelection;
import org.jaznet.pipeline.batch.ModelSpec;
import org.jaznet.pipeline.batch.OutputFormat;
import org.jaznet.pipeline.batch.Records;
import org.jaznet.pipeline.batch.WriteTextFile;
import org.jaznet.pipeline.io.InputSpec;

/**
 * {@code jaznet batch --pages}: {@link ReadPages} plus the failures file ({@code failures-pages.jsonl}),
 * on any Beam runner.
 */
public final class PagesPipeline {
  /** The failures file's name under the output directory. */
  public static final String FAILURES_FILE = "failures-pages";

  private PagesPipeline() {}

  /** What a run produced. */
  public record Summary(long files, long pages, long words, long failures, double seconds) {
    public double pagesPerSecond() {
      return seconds == 0 ? 0 : pages / seconds;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "batch --pages: %d files, %d pages, %d words, %d failures, %.1f s, %.2f pages/s, %.1f words/s",
          files, pages, words, failures, seconds, pagesPerSecond(), seconds == 0 ? 0 : words / seconds);
    }
  }

  /** Adds the page-reading transforms to {@code p}. */
  public static void build(Pipeline p, PagesOptions o) {
    ModelSpec model = (o.getModel() == null ? ModelSpec.defaultModel() : ModelSpec.file(o.getModel()))
        .withHeads(HeadSelection.parse(o.getHeads())).withLanguageModel(o.getLanguageModel());
    PageLimits limits = new PageLimits(o.getDpi(), o.getMaxPages(), o.getMaxPixels());
    p.apply("ReadPages", ReadPages.from(InputSpec.parse(o.getInput()), o.getOutput(), model)
            .withFormat(o.getPageFormat()).withDetector(o.getDetector()).withSceneModel(o.getSceneModel()).withLimits(limits)
            .withBatchSize(o.getBatchSize()).withGroups(o.getGroups()))
        .apply("FormatFailures", MapElements.into(TypeDescriptors.strings()).via((Failure f) -> Records.line(f, OutputFormat.JSONL)))
        .apply("WriteFailures", WriteTextFile.to(o.getOutput(), FAILURES_FILE + ".jsonl", null));
  }

  /** Runs the pipeline to the end. */
  public static Summary run(PagesOptions o) throws IOException {
    Files.createDirectories(Path.of(o.getOutput()));
    // this run's failures replace the last run's (written only when a page fails; made empty otherwise)
    Path failures = Path.of(o.getOutput(), FAILURES_FILE + ".jsonl");
    Files.deleteIfExists(failures);
    Pipeline p = Pipeline.create(o);
    build(p, o);
    long t0 = System.nanoTime();
    PipelineResult result = p.run();
    result.waitUntilFinish();
    if (!Files.exists(failures)) {
      Files.writeString(failures, "");
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Summary(counter(result, "files"), counter(result, "pages"), counter(result, "words"),
        counter(result, "failures"), seconds);
  }

  private static long counter(PipelineResult r, String name) {
    long n = 0;
    for (MetricResult<Long> c : r.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(ReadPages.NAMESPACE, name)).build()).getCounters()) {
      try {
        n += c.getCommitted();
      } catch (UnsupportedOperationException e) {
        n += c.getAttempted();
      }
    }
    return n;
  }
}
