package org.jaznet.synth.run;

/**
 * The outcome of a finished {@link SynthRun}.
 *
 * @param count samples in the dataset
 * @param written images rendered and written by this invocation
 * @param skipped images already present from an earlier, interrupted invocation
 * @param seconds wall-clock time of this invocation
 * @param imagesPerSecond {@code written / seconds}
 * @param bytes encoded image bytes written by this invocation
 */
public record RunSummary(long count, long written, long skipped, double seconds, double imagesPerSecond, long bytes) {
  /** One line for consoles and logs. */
  public String describe() {
    return String.format(java.util.Locale.ROOT,
        "%d images (%d written, %d already present) in %.1f s, %.0f images/s, %.1f MB",
        count, written, skipped, seconds, imagesPerSecond, bytes / 1e6);
  }
}
