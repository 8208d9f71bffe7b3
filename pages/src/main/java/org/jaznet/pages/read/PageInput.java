package org.jaznet.pages.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One input file to read as pages: its name in results, and how to get its bytes (a file on disk, or an
 * entry of an archive).
 *
 * @param source the name results and failures carry (a path, or {@code archive!entry})
 * @param fileName the name output files are named after ({@code a.png} gives {@code a.png.json})
 * @param bytes supplies the file's content when it is read
 */
public record PageInput(String source, String fileName, Bytes bytes) {
  /** The content of an input, read when needed. */
  @FunctionalInterface
  public interface Bytes {
    byte[] read() throws IOException;
  }

  public PageInput {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(bytes, "bytes");
  }

  /** A file on disk, named as given. */
  public static PageInput of(Path file) {
    Path name = file.getFileName();
    return new PageInput(file.toString(), name == null ? file.toString() : name.toString(), () -> Files.readAllBytes(file));
  }
}
