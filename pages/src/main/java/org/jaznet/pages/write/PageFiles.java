package org.jaznet.pages.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jaznet.pages.DocumentResult;

/** Writes readings to files atomically: a temporary file in the same folder, then a rename. */
public final class PageFiles {
  private PageFiles() {}

  /** Writes {@code doc} to {@code dir/<inputFileName><suffix>} and returns that path. */
  public static Path writeAtomically(Path dir, String inputFileName, PageFormat format, DocumentResult doc) throws IOException {
    if (inputFileName.isEmpty() || inputFileName.contains("/") || inputFileName.contains("\\")) {
      throw new IllegalArgumentException("output name must be a plain file name, got '" + inputFileName + "'");
    }
    Files.createDirectories(dir);
    Path target = dir.resolve(inputFileName + format.suffix());
    Path tmp = Files.createTempFile(dir, ".tmp-", format.suffix());
    try {
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        PageWriters.of(format).write(doc, out);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
