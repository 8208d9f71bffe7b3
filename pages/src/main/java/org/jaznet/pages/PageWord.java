package org.jaznet.pages;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;

/**
 * One word read on a page.
 *
 * @param box where it is, in page pixels
 * @param text what was read (may be empty when nothing could be read)
 * @param confidence calibrated probability that {@code text} is right, in [0, 1]
 * @param line 1-based line number on the page, in reading order
 * @param block 1-based text block (column or paragraph) number on the page, in reading order
 */
public record PageWord(PageBox box, String text, double confidence, int line, int block) {
  public PageWord {
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(text, "text");
    checkArgument(confidence >= 0 && confidence <= 1, "confidence must be in [0, 1], got %s", confidence);
    checkArgument(line >= 1, "line must be >= 1, got %s", line);
    checkArgument(block >= 1, "block must be >= 1, got %s", block);
  }
}
