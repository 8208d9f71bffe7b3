package org.jaznet.pages.input;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageReader;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;

/** A one-page image file (PNG, JPEG, BMP, GIF), its size checked from the header before decoding. */
final class ImagePageSource implements PageSource {
  private final String source;
  private byte[] bytes;
  private final PageLimits limits;

  private ImagePageSource(String source, byte[] bytes, PageLimits limits) {
    this.source = source;
    this.bytes = bytes;
    this.limits = limits;
  }

  static PageSource open(String source, byte[] bytes, PageLimits limits) throws PageException {
    ImageReader r = ImageReaders.open(source, bytes, "image");
    try {
      ImageReaders.checkSize(source, r.getWidth(0), r.getHeight(0), limits);
    } catch (IOException | RuntimeException e) {
      throw new PageException(source + ": malformed image header: " + e.getMessage(), e);
    } finally {
      ImageReaders.dispose(r);
    }
    return new ImagePageSource(source, bytes, limits);
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public int pageCount() {
    return 1;
  }

  @Override
  public PageImage page(int page) throws PageException {
    if (page != 1) {
      throw new PageException(PageImage.id(source, page) + ": an image file has one page");
    }
    if (bytes == null) {
      throw new IllegalStateException(source + " is closed");
    }
    ImageReader r = ImageReaders.open(source, bytes, "image");
    try {
      ImageReaders.checkSize(source, r.getWidth(0), r.getHeight(0), limits);
      BufferedImage img = r.read(0);
      return new PageImage(source, 1, Pixels.normalise(img));
    } catch (IOException | RuntimeException e) {
      throw new PageException(source + ": cannot decode: " + e.getMessage(), e);
    } finally {
      ImageReaders.dispose(r);
    }
  }

  @Override
  public void close() {
    bytes = null;
  }
}
