package org.jaznet.pages.input;

import static com.google.common.base.Preconditions.checkNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;

/**
 * A one-page PNG, JPEG or BMP file. Its declared width and height are read from the header when it is
 * opened and refused above {@link PageLimits#maxPixels()} before any pixel is decoded; the page is decoded
 * to 8-bit grey or BGR (see {@link PagePixels}).
 */
public final class ImagePageSource implements PageSource {
  private final ImageIoInput input;
  private final InputFormat format;

  private ImagePageSource(ImageIoInput input, InputFormat format) {
    this.input = input;
    this.format = format;
  }

  /**
   * Opens {@code input} (which this source then owns) as a {@code format} image and checks its declared
   * size against {@code limits}.
   */
  static ImagePageSource open(ImageIoInput input, InputFormat format, PageLimits limits)
      throws PageException {
    checkNotNull(limits, "limits");
    try {
      long w;
      long h;
      try {
        w = input.reader().getWidth(0);
        h = input.reader().getHeight(0);
      } catch (IOException | RuntimeException e) {
        throw new PageException(
            PageImage.id(input.source(), 1) + ": malformed " + format + " header: " + e.getMessage(), e);
      }
      PixelCheck.check(input.source(), 1, w, h, limits);
      return new ImagePageSource(input, format);
    } catch (PageException | RuntimeException e) {
      input.close();
      throw e;
    }
  }

  @Override
  public String source() {
    return input.source();
  }

  @Override
  public int pageCount() {
    return 1;
  }

  @Override
  public PageImage page(int page) throws PageException {
    if (page != 1) {
      throw new PageException(
          PageImage.id(source(), page) + ": no such page, a " + format + " file has 1 page");
    }
    try {
      BufferedImage img = input.reader().read(0);
      return new PageImage(source(), 1, PagePixels.toGreyOrBgr(img));
    } catch (IOException | RuntimeException e) {
      throw new PageException(
          PageImage.id(source(), 1) + ": malformed " + format + " image: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    input.close();
  }
}
