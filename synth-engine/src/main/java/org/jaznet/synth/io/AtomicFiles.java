package org.jaznet.synth.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Atomic file writes: the content goes to a temporary file in the target's directory (a name starting
 * with {@code .jz} and ending with {@link #TEMP_SUFFIX}), which is then renamed over the target. Readers
 * and a resumed run therefore see either no file or the complete file, never a prefix. A failed write
 * deletes its temporary file; temporaries left by a killed process are removed by {@link #removeTemps}.
 *
 * <p>The files are not fsynced: this protects against a killed process, not against power loss.
 */
public final class AtomicFiles {
  /** Suffix of every temporary file this class creates. */
  public static final String TEMP_SUFFIX = ".jaznet-tmp";

  private AtomicFiles() {}

  /** Writes the body of a file. */
  @FunctionalInterface
  public interface TextBody {
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes {@code data} to {@code target} atomically, creating parent directories.
   *
   * @throws IOException whose message names {@code target} and the reason (e.g. no space left)
   */
  public static void write(Path target, byte[] data) throws IOException {
    Path tmp = createTemp(target);
    try {
      Files.write(tmp, data);
      move(tmp, target);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      throw failure(target, e);
    }
  }

  /** Writes a UTF-8 text file atomically, streaming it from {@code body}. */
  public static void writeText(Path target, TextBody body) throws IOException {
    Path tmp = createTemp(target);
    try {
      try (Writer w = new BufferedWriter(
          new OutputStreamWriter(Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16)) {
        body.writeTo(w);
      }
      move(tmp, target);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      throw failure(target, e);
    }
  }

  /**
   * Deletes every temporary file under {@code dir} (recursively) left by an interrupted write.
   *
   * @return how many were deleted
   */
  public static int removeTemps(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    List<Path> temps = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> p.getFileName().toString().endsWith(TEMP_SUFFIX)).forEach(temps::add);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Path p : temps) {
      Files.deleteIfExists(p);
    }
    return temps.size();
  }

  /**
   * Creates an empty temporary file next to {@code target} with the default permissions (umask), not
   * {@link Files#createTempFile}'s owner-only ones, since it becomes the dataset file. Names are unique per
   * process (pid + counter); a name left by a killed process with the same pid is skipped.
   */
  private static Path createTemp(Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
      while (true) {
        Path tmp = parent.resolve(".jz" + PID + "-" + COUNTER.incrementAndGet() + TEMP_SUFFIX);
        try {
          return Files.createFile(tmp);
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // stale temporary of an earlier process: try the next name
        }
      }
    } catch (IOException e) {
      throw failure(target, e);
    }
  }

  private static final long PID = ProcessHandle.current().pid();
  private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // the original failure is the one worth reporting; removeTemps() cleans up later
    }
  }

  private static IOException failure(Path target, Exception e) {
    if (e instanceof IOException io && io.getMessage() != null && io.getMessage().startsWith("cannot write ")) {
      return io;
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      reason = fse.getReason() + (fse.getFile() != null && !fse.getFile().equals(target.toString())
          ? " (" + fse.getFile() + ")" : "");
    }
    return new IOException("cannot write " + target + ": " + reason, e);
  }
}
