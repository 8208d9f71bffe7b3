package org.jaznet.synth.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One image of a {@link LabelledDataset}: either a file on disk or bytes read from a database.
 *
 * @param id stable identifier within the dataset: the path relative to the dataset folder, or the LMDB
 *     image key
 * @param label the word as shown (case kept)
 * @param lexiconIndex line of the dataset's lexicon, or -1 if the format has none
 * @param file the image file, or null for database-backed images
 * @param data the encoded image bytes, or null for file-backed images
 */
public record LabelledImage(String id, String label, int lexiconIndex, Path file, byte[] data) {
  public LabelledImage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    if ((file == null) == (data == null)) {
      throw new IllegalArgumentException("exactly one of file and data must be given for " + id);
    }
  }

  /** The image file, if the image lives in one. */
  public Optional<Path> path() {
    return Optional.ofNullable(file);
  }

  /** The encoded image bytes (reads the file for file-backed images). */
  public byte[] bytes() throws IOException {
    if (data != null) {
      return data;
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IOException("cannot read image " + file + ": " + e.getMessage(), e);
    }
  }
}
