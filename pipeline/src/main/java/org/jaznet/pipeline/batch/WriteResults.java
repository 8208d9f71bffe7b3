package org.jaznet.pipeline.batch;

import java.util.Objects;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes {@link BatchTags#RESULTS} to {@code results-*.jsonl} and {@link BatchTags#FAILURES} to
 * {@code failures-*.jsonl} (or {@code .csv}) under an output directory, sharded by the runner. Each shard
 * appears atomically: Beam writes temporary files and renames them when the bundle is committed.
 */
public final class WriteResults extends PTransform<PCollectionTuple, PDone> {
  private final String dir;
  private final OutputFormat format;
  private final int shards;

  private WriteResults(String dir, OutputFormat format, int shards) {
    this.dir = dir;
    this.format = format;
    this.shards = shards;
  }

  public static WriteResults to(String dir) {
    if (dir == null || dir.isBlank()) {
      throw new IllegalArgumentException("output directory must not be blank");
    }
    return new WriteResults(dir, OutputFormat.JSONL, 0);
  }

  public WriteResults withFormat(OutputFormat f) {
    return new WriteResults(dir, Objects.requireNonNull(f, "format"), shards);
  }

  /** A fixed number of shards per output; 0 (default) lets the runner choose. */
  public WriteResults withShards(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("shards must be >= 0, got " + n);
    }
    return new WriteResults(dir, format, n);
  }

  @Override
  public PDone expand(PCollectionTuple in) {
    PCollection<String> results = in.get(BatchTags.RESULTS)
        .apply("FormatResults", MapElements.into(TypeDescriptors.strings())
            .via((WordResult r) -> Records.line(r, format)))
        .setCoder(StringUtf8Coder.of());
    PCollection<String> failures = in.get(BatchTags.FAILURES)
        .apply("FormatFailures", MapElements.into(TypeDescriptors.strings())
            .via((Failure f) -> Records.line(f, format)))
        .setCoder(StringUtf8Coder.of());
    results.apply("WriteResultFiles", sink("results", Records.resultsHeader(format)));
    failures.apply("WriteFailureFiles", sink("failures", Records.failuresHeader(format)));
    return PDone.in(in.getPipeline());
  }

  private TextIO.Write sink(String name, String header) {
    TextIO.Write w = TextIO.write().to(dir.endsWith("/") ? dir + name : dir + "/" + name).withSuffix(format.suffix());
    if (header != null) {
      w = w.withHeader(header);
    }
    return shards > 0 ? w.withNumShards(shards) : w;
  }
}
