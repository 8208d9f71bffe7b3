package org.jaznet.pipeline.batch;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jaznet.pipeline.io.Box;

/**
 * The reading of one word.
 *
 * @param source the output contract's source
 * @param path the image or archive file
 * @param entry the archive entry, or null
 * @param box the word box, or null
 * @param text the fused reading
 * @param confidence its confidence in [0,1]
 * @param perHead each head's reading, by head name (sorted)
 * @param label the expected text, or null
 */
public record WordResult(String source, String path, String entry, Box box, String text, double confidence,
    Map<String, HeadReading> perHead, String label) implements Serializable {
  private static final long serialVersionUID = 1L;

  public WordResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    perHead = new TreeMap<>(perHead);
  }
}
