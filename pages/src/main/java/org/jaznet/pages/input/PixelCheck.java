package org.jaznet.pages.input;

import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;

/** The per-page pixel limit, checked on a page's declared size before it is decoded or rendered. */
final class PixelCheck {
  private PixelCheck() {}

  /**
   * Refuses page {@code page} of {@code source} if its declared {@code width x height} is not positive or
   * exceeds {@link PageLimits#maxPixels()}.
   */
  static void check(String source, int page, long width, long height, PageLimits limits)
      throws PageException {
    String id = PageImage.id(source, page);
    if (width < 1 || height < 1) {
      throw new PageException(id + ": declared size " + width + "x" + height + " is empty");
    }
    // Both sides fit in 32 bits here, so the product cannot overflow a long.
    if (width > Integer.MAX_VALUE || height > Integer.MAX_VALUE || width * height > limits.maxPixels()) {
      throw new PageException(
          id + ": declared size " + width + "x" + height + " is over the limit of " + limits.maxPixels()
              + " pixels");
    }
  }
}
