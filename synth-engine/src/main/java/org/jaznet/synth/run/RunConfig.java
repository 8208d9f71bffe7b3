package org.jaznet.synth.run;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link SynthRun} writes, and how.
 *
 * @param count number of samples; indices {@code [0, count)}
 * @param outDir output folder (created if missing; must be empty unless {@code resume})
 * @param format dataset layout
 * @param threads rendering threads (the output does not depend on it)
 * @param resume continue a killed run in {@code outDir} instead of refusing a non-empty folder
 * @param charBoxes also write {@code charboxes.jsonl}
 * @param preview where to write a PNG contact sheet of the first 64 samples, if wanted
 */
public record RunConfig(
    long count, Path outDir, OutputFormat format, int threads, boolean resume, boolean charBoxes,
    Optional<Path> preview) {
  public RunConfig {
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(preview, "preview");
    if (count <= 0) {
      throw new IllegalArgumentException("count must be > 0, got " + count);
    }
    if (threads <= 0) {
      throw new IllegalArgumentException("threads must be > 0, got " + threads);
    }
  }

  /** A fresh run in MJSynth layout with one thread, no char boxes and no preview. */
  public static RunConfig of(long count, Path outDir) {
    return new RunConfig(count, outDir, OutputFormat.MJSYNTH, 1, false, false, Optional.empty());
  }

  public RunConfig withFormat(OutputFormat f) {
    return new RunConfig(count, outDir, f, threads, resume, charBoxes, preview);
  }

  public RunConfig withThreads(int t) {
    return new RunConfig(count, outDir, format, t, resume, charBoxes, preview);
  }

  public RunConfig withResume(boolean r) {
    return new RunConfig(count, outDir, format, threads, r, charBoxes, preview);
  }

  public RunConfig withCharBoxes(boolean c) {
    return new RunConfig(count, outDir, format, threads, resume, c, preview);
  }

  public RunConfig withPreview(Path p) {
    return new RunConfig(count, outDir, format, threads, resume, charBoxes, Optional.ofNullable(p));
  }
}
