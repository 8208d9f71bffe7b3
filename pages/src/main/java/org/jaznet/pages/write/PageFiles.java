package org.jaznet.pages.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import org.jaznet.pages.DocumentResult;

/** Writes a reading to its output file so that a reader never sees a half-written file. */
public final class PageFiles {
  private PageFiles() {}

  /**
   * Writes {@code doc} in {@code format} to {@code dir/<inputFileName><suffix>}: first to a temporary
   * file in {@code dir}, then renamed over the target atomically (or, where the file system cannot
   * move atomically, replacing it). An existing file is replaced; on failure the temporary file is
   * deleted and any existing target is left as it was.
   *
   * @param inputFileName the input's file name, without directories ({@code a.png} gives {@code a.png.json})
   * @return the file written
   * @throws IOException when writing or renaming fails
   */
  public static Path writeAtomically(Path dir, String inputFileName, PageFormat format, DocumentResult doc)
      throws IOException {
    Objects.requireNonNull(doc, "doc");
    String name = inputFileName + format.suffix();
    Path target = dir.resolve(name);
    if (inputFileName.isEmpty() || !Objects.equals(target.getParent(), dir)) {
      throw new IllegalArgumentException("not a plain file name: " + inputFileName);
    }
    Path tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        PageWriters.of(format).write(doc, out);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
