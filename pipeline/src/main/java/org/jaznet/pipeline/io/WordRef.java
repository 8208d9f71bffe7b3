package org.jaznet.pipeline.io;

import java.io.Serializable;
import java.util.Objects;

/**
 * One word to read: a file, or an entry of an archive file, optionally a box within it and a label.
 * Small by design (a path, not pixels) so that a run over millions of words never holds their images.
 *
 * @param path the file (absolute, normalised)
 * @param entry the archive entry name, or null for a plain file
 * @param ordinal the entry's 0-based position in its archive (lets a compressed tar be read forward
 *     once), or -1 if unknown or a plain file
 * @param box the word's box in the image, or null for the whole image
 * @param label the expected text, or null if unknown
 */
public record WordRef(String path, String entry, int ordinal, Box box, String label) implements Serializable {
  private static final long serialVersionUID = 1L;

  public WordRef {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("path must not be empty");
    }
  }

  public static WordRef file(String path) {
    return new WordRef(path, null, -1, null, null);
  }

  public static WordRef entry(String path, String entry, int ordinal) {
    return new WordRef(path, Objects.requireNonNull(entry, "entry"), ordinal, null, null);
  }

  public WordRef withBox(Box b) {
    return new WordRef(path, entry, ordinal, b, label);
  }

  public WordRef withLabel(String l) {
    return new WordRef(path, entry, ordinal, box, l);
  }

  /** The image this word is in: the path, plus {@code !entry} for an archive entry (no box). */
  public String imageKey() {
    return entry == null ? path : path + "!" + entry;
  }

  /** The output contract's source: the path, {@code !entry} for an archive entry, {@code #x,y,w,h} for a box. */
  public String source() {
    StringBuilder sb = new StringBuilder(path);
    if (entry != null) {
      sb.append('!').append(entry);
    }
    if (box != null) {
      sb.append('#').append(box);
    }
    return sb.toString();
  }
}
