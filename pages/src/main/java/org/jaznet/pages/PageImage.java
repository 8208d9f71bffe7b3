package org.jaznet.pages;

import static com.google.common.base.Preconditions.checkArgument;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One decoded page, ready for word detection.
 *
 * @param source the input file as the user named it
 * @param page 1-based page number within the file
 * @param image the pixels: {@link BufferedImage#TYPE_BYTE_GRAY} or {@link BufferedImage#TYPE_3BYTE_BGR}
 */
public record PageImage(String source, int page, BufferedImage image) {
  public PageImage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(image, "image");
    checkArgument(page >= 1, "page must be >= 1, got %s", page);
  }

  /** The page's id in results and failures: {@code source#page=N}. */
  public String id() {
    return id(source, page);
  }

  /** The id of page {@code page} of {@code source}: {@code source#page=N}. */
  public static String id(String source, int page) {
    return source + "#page=" + page;
  }

  public int width() {
    return image.getWidth();
  }

  public int height() {
    return image.getHeight();
  }
}
