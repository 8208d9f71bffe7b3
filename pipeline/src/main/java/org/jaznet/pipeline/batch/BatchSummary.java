package org.jaznet.pipeline.batch;

import java.util.Locale;

/**
 * What a batch run did, from its Beam metrics.
 *
 * @param results words read
 * @param failures inputs that could not be read
 * @param bytes file bytes read
 * @param seconds wall time of the run (pipeline start to finish)
 */
public record BatchSummary(long results, long failures, long bytes, double seconds) {
  public long inputs() {
    return results + failures;
  }

  public double imagesPerSecond() {
    return seconds > 0 ? results / seconds : 0;
  }

  /** The summary line printed at the end of a run. */
  public String line() {
    return String.format(Locale.ROOT,
        "batch: %d inputs, %d results, %d failures, %.1f MB read, %.1f s, %.1f images/s",
        inputs(), results, failures, bytes / 1e6, seconds, imagesPerSecond());
  }
}
