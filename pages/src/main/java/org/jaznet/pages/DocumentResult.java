package org.jaznet.pages;

import java.util.List;
import java.util.Objects;

/**
 * The reading of one input file: every page read, in page order.
 *
 * @param source the input as the user named it (a path, or {@code archive!entry})
 * @param pages the pages, in page order
 */
public record DocumentResult(String source, List<PageResult> pages) {
  public DocumentResult {
    Objects.requireNonNull(source, "source");
    pages = List.copyOf(pages);
  }
}
