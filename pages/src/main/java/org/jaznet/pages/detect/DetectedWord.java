package org.jaznet.pages.detect;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import org.jaznet.pages.PageBox;

/**
 * A word found on a page, before recognition.
 *
 * @param box where it is, in page pixels
 * @param line 1-based line number in reading order
 * @param block 1-based block number in reading order
 * @param score the detector's confidence that this is a word, in [0, 1] (1 for the document detector)
 * @param minReading the reading confidence below which the word is taken for a false detection and left
 *     out of the page's result, in [0, 1] (0: always kept). The scene detector's proposals are checked by
 *     the recogniser this way, as in the JAZ pipeline.
 */
public record DetectedWord(PageBox box, int line, int block, double score, double minReading) {
  public DetectedWord {
    Objects.requireNonNull(box, "box");
    checkArgument(line >= 1 && block >= 1, "line and block must be >= 1, got %s, %s", line, block);
    checkArgument(score >= 0 && score <= 1, "score must be in [0, 1], got %s", score);
    checkArgument(minReading >= 0 && minReading <= 1, "minReading must be in [0, 1], got %s", minReading);
  }

  /** A word that is kept whatever its reading. */
  public DetectedWord(PageBox box, int line, int block, double score) {
    this(box, line, block, score, 0);
  }
}
