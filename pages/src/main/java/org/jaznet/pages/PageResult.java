package org.jaznet.pages;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * The reading of one page: its words in reading order (blocks, then lines top to bottom, then words
 * left to right). A page without text has no words; that is a result, not a failure.
 *
 * @param page 1-based page number within its source file
 * @param width page width in pixels (for PDF, at the render DPI)
 * @param height page height in pixels
 * @param words the words, in reading order
 */
public record PageResult(int page, int width, int height, List<PageWord> words) {
  public PageResult {
    checkArgument(page >= 1, "page must be >= 1, got %s", page);
    checkArgument(width > 0 && height > 0, "page size must be > 0, got %sx%s", width, height);
    words = List.copyOf(words);
  }
}
