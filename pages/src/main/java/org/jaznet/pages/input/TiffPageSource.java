package org.jaznet.pages.input;

import static com.google.common.base.Preconditions.checkNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.plugins.tiff.TIFFField;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;

/**
 * A TIFF file, one page per image file directory (counted by {@link TiffDirectories}, which stops at a
 * looping chain), read with the JDK's ImageIO TIFF plugin (multi-page,
 * bilevel, LZW, PackBits, Deflate, CCITT Group 3/4, JPEG). The page count is checked against
 * {@link PageLimits#maxPages()} when the file is opened; each page's declared size is checked against
 * {@link PageLimits#maxPixels()}, and its strips or tiles against the file length, before it is decoded.
 * Bilevel and grey pages become 8-bit grey (0/255 for bilevel, with WhiteIsZero honoured), colour pages
 * 8-bit BGR.
 */
public final class TiffPageSource implements PageSource {
  private final ImageIoInput input;
  private final int pageCount;
  private final PageLimits limits;

  private TiffPageSource(ImageIoInput input, int pageCount, PageLimits limits) {
    this.input = input;
    this.pageCount = pageCount;
    this.limits = limits;
  }

  /** Opens {@code input} (which this source then owns) as a TIFF and checks its page count. */
  static TiffPageSource open(ImageIoInput input, PageLimits limits) throws PageException {
    checkNotNull(limits, "limits");
    try {
      int n = TiffDirectories.count(input.source(), input.stream(), input.length(), limits.maxPages());
      if (n < 1) {
        throw new PageException(input.source() + ": TIFF file has no pages");
      }
      return new TiffPageSource(input, n, limits);
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
    return pageCount;
  }

  @Override
  public PageImage page(int page) throws PageException {
    String id = PageImage.id(source(), page);
    if (page < 1 || page > pageCount) {
      throw new PageException(id + ": no such page, the file has " + pageCount);
    }
    int index = page - 1;
    long w;
    long h;
    try {
      w = input.reader().getWidth(index);
      h = input.reader().getHeight(index);
    } catch (IOException | RuntimeException e) {
      throw new PageException(id + ": malformed TIFF directory: " + e.getMessage(), e);
    }
    PixelCheck.check(source(), page, w, h, limits);
    checkDataWithinFile(id, index);
    try {
      BufferedImage img = input.reader().read(index);
      return new PageImage(source(), page, PagePixels.toGreyOrBgr(img));
    } catch (IOException | RuntimeException e) {
      throw new PageException(id + ": malformed TIFF page: " + e.getMessage(), e);
    }
  }

  /**
   * Refuses a page whose strips or tiles lie beyond the end of the file: the plugin allocates a buffer of
   * each declared byte count before reading it.
   */
  private void checkDataWithinFile(String id, int index) throws PageException {
    TIFFDirectory dir;
    try {
      IIOMetadata meta = input.reader().getImageMetadata(index);
      dir = TIFFDirectory.createFromMetadata(meta);
    } catch (IOException | RuntimeException e) {
      throw new PageException(id + ": malformed TIFF directory: " + e.getMessage(), e);
    }
    checkRanges(id, dir, BaselineTIFFTagSet.TAG_STRIP_OFFSETS, BaselineTIFFTagSet.TAG_STRIP_BYTE_COUNTS);
    checkRanges(id, dir, BaselineTIFFTagSet.TAG_TILE_OFFSETS, BaselineTIFFTagSet.TAG_TILE_BYTE_COUNTS);
  }

  private void checkRanges(String id, TIFFDirectory dir, int offsetsTag, int countsTag)
      throws PageException {
    TIFFField offsets = dir.getTIFFField(offsetsTag);
    TIFFField counts = dir.getTIFFField(countsTag);
    if (offsets == null || counts == null) {
      return;
    }
    long length = input.length();
    int n = Math.min(offsets.getCount(), counts.getCount());
    for (int i = 0; i < n; i++) {
      long off = offsets.getAsLong(i);
      long count = counts.getAsLong(i);
      if (off < 0 || count < 0 || off > length || count > length - off) {
        throw new PageException(
            id + ": TIFF data block " + i + " (offset " + off + ", " + count + " bytes) lies beyond the end"
                + " of the " + length + "-byte file");
      }
    }
  }

  @Override
  public void close() {
    input.close();
  }
}
