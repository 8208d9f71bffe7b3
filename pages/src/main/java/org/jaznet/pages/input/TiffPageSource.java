package org.jaznet.pages.input;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageReader;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;

/**
 * A TIFF file of one or more pages (any compression Java's TIFF plugin reads: none, LZW, PackBits,
 * Deflate, JPEG, CCITT Group 3 and 4; bilevel, grey, palette and RGB). Each page's declared size is
 * checked against the pixel limit from its directory before it is decoded.
 */
final class TiffPageSource implements PageSource {
  private final String source;
  private final ImageReader reader;
  private final int pages;
  private final PageLimits limits;

  private TiffPageSource(String source, ImageReader reader, int pages, PageLimits limits) {
    this.source = source;
    this.reader = reader;
    this.pages = pages;
    this.limits = limits;
  }

  static PageSource open(String source, byte[] bytes, PageLimits limits) throws PageException {
    ImageReader r = ImageReaders.open(source, bytes, "TIFF");
    int n;
    try {
      // counting walks the chain of directories only; a loop in the chain is refused by the plugin
      n = r.getNumImages(true);
    } catch (IOException | RuntimeException e) {
      ImageReaders.dispose(r);
      throw new PageException(source + ": malformed TIFF: " + e.getMessage(), e);
    }
    if (n <= 0) {
      ImageReaders.dispose(r);
      throw new PageException(source + ": TIFF file has no pages");
    }
    if (n > limits.maxPages()) {
      ImageReaders.dispose(r);
      throw new PageException(source + ": TIFF file has " + n + " pages, over the limit of " + limits.maxPages()
          + " (--max-pages)");
    }
    return new TiffPageSource(source, r, n, limits);
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public int pageCount() {
    return pages;
  }

  @Override
  public PageImage page(int page) throws PageException {
    String id = PageImage.id(source, page);
    if (page < 1 || page > pages) {
      throw new PageException(id + ": the file has " + pages + " pages");
    }
    try {
      ImageReaders.checkSize(id, reader.getWidth(page - 1), reader.getHeight(page - 1), limits);
      BufferedImage img = reader.read(page - 1);
      return new PageImage(source, page, Pixels.normalise(img));
    } catch (IOException | RuntimeException e) {
      throw new PageException(id + ": cannot decode TIFF page: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    ImageReaders.dispose(reader);
  }
}
