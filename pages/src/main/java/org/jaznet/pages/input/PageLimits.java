package org.jaznet.pages.input;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Limits on page inputs, checked before any page is rendered or decoded.
 *
 * @param dpi resolution PDF pages are rendered at (default 300)
 * @param maxPages most pages read from one file; a file declaring more is refused
 * @param maxPixels most pixels of one page (width x height, after rendering at {@code dpi}); a page
 *     declaring more is refused from its header or media box, before rendering
 */
public record PageLimits(int dpi, int maxPages, long maxPixels) implements java.io.Serializable {
  public static final int DEFAULT_DPI = 300;
  /** A 600 dpi A3 page is about 70 M pixels; 100 M leaves room and keeps one grey page under 100 MB. */
  public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
  public static final int DEFAULT_MAX_PAGES = 2_000;

  public PageLimits {
    checkArgument(dpi >= 36 && dpi <= 1200, "dpi must be in [36, 1200], got %s", dpi);
    checkArgument(maxPages >= 1, "maxPages must be >= 1, got %s", maxPages);
    checkArgument(maxPixels >= 1, "maxPixels must be >= 1, got %s", maxPixels);
  }

  public static PageLimits defaults() {
    return new PageLimits(DEFAULT_DPI, DEFAULT_MAX_PAGES, DEFAULT_MAX_PIXELS);
  }

  public PageLimits withDpi(int newDpi) {
    return new PageLimits(newDpi, maxPages, maxPixels);
  }
}
