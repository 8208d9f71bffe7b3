package org.jaznet.synth.io;

import java.util.Objects;

/**
 * One line of a dataset's index: where the image is and what it shows.
 *
 * @param path image path relative to the dataset folder, {@code /}-separated (for LMDB: the image key)
 * @param label the word exactly as shown (case kept)
 * @param lexiconIndex 0-based line of the dataset's {@code lexicon.txt}, or -1 if unknown
 */
public record DatasetEntry(String path, String label, int lexiconIndex) {
  public DatasetEntry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(label, "label");
    if (path.isEmpty() || path.indexOf('\t') >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("image path must be non-empty without tab or newline, got '" + path + "'");
    }
    if (lexiconIndex < -1) {
      throw new IllegalArgumentException("lexiconIndex must be >= -1, got " + lexiconIndex);
    }
  }
}
