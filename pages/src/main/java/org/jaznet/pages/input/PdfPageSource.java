package org.jaznet.pages.input;

import static com.google.common.base.Preconditions.checkNotNull;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;

/**
 * A PDF file, rendered one page at a time with Apache PDFBox at {@link PageLimits#dpi()} to 8-bit grey.
 * Refused when opened: encrypted files that need a password (or forbid content extraction), malformed
 * files, files without pages or with more than {@link PageLimits#maxPages()}. Each page's pixel size is
 * computed from its crop box (the media box when none) and rotation before rendering and refused above
 * {@link PageLimits#maxPixels()}. PDFBox buffers decoded streams in memory up to
 * {@value #MAIN_MEMORY_BYTES} bytes, then in temporary files.
 */
public final class PdfPageSource implements PageSource {
  /** Main memory PDFBox may use for stream buffers of one document before spilling to temp files. */
  static final long MAIN_MEMORY_BYTES = 64L << 20;

  private final String source;
  private final PDDocument document;
  private final PDFRenderer renderer;
  private final PageLimits limits;

  private PdfPageSource(String source, PDDocument document, PageLimits limits) {
    this.source = source;
    this.document = document;
    this.renderer = new PDFRenderer(document);
    this.limits = limits;
  }

  /** Parses the PDF read by {@code in} (which this source then owns) and checks its pages. */
  static PdfPageSource open(String source, RandomAccessRead in, PageLimits limits) throws PageException {
    checkNotNull(source, "source");
    checkNotNull(limits, "limits");
    PDDocument doc;
    try {
      doc = Loader.loadPDF(in, "", MemoryUsageSetting.setupMixed(MAIN_MEMORY_BYTES).streamCache);
    } catch (InvalidPasswordException e) {
      closeQuietly(in);
      throw new PageException(source + ": encrypted PDF, a password is needed", e);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      closeQuietly(in);
      throw new PageException(source + ": malformed PDF: " + reason(e), e);
    }
    try {
      check(source, doc, limits);
      return new PdfPageSource(source, doc, limits);
    } catch (PageException | RuntimeException e) {
      closeQuietly(doc);
      throw e;
    }
  }

  private static void check(String source, PDDocument doc, PageLimits limits) throws PageException {
    try {
      if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
        throw new PageException(source + ": encrypted PDF that forbids content extraction");
      }
      int n = doc.getNumberOfPages();
      if (n < 1) {
        throw new PageException(source + ": PDF file has no pages");
      }
      if (n > limits.maxPages()) {
        throw new PageException(
            source + ": PDF file has " + n + " pages, over the limit of " + limits.maxPages());
      }
    } catch (RuntimeException | StackOverflowError e) {
      throw new PageException(source + ": malformed PDF: " + reason(e), e);
    }
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public int pageCount() {
    return document.getNumberOfPages();
  }

  @Override
  public PageImage page(int page) throws PageException {
    String id = PageImage.id(source, page);
    if (page < 1 || page > pageCount()) {
      throw new PageException(id + ": no such page, the file has " + pageCount());
    }
    try {
      long[] size = pixelSize(id, document.getPage(page - 1));
      PixelCheck.check(source, page, size[0], size[1], limits);
      BufferedImage img = renderer.renderImageWithDPI(page - 1, limits.dpi(), ImageType.GRAY);
      return new PageImage(source, page, PagePixels.toGreyOrBgr(img));
    } catch (IOException | RuntimeException | StackOverflowError e) {
      throw new PageException(id + ": malformed PDF: " + reason(e), e);
    }
  }

  /**
   * The rendered {@code {width, height}} of {@code p} at the limits' dpi, as PDFBox computes it: the crop
   * box in points times dpi / 72, floored, at least 1, sides swapped for a quarter-turn rotation.
   */
  private long[] pixelSize(String id, PDPage p) throws PageException {
    PDRectangle box = p.getCropBox();
    double scale = limits.dpi() / 72.0;
    double w = Math.floor(box.getWidth() * scale);
    double h = Math.floor(box.getHeight() * scale);
    if (!Double.isFinite(w) || !Double.isFinite(h)) {
      throw new PageException(id + ": page box " + box + " is not finite");
    }
    // A value above Long.MAX_VALUE saturates, which PixelCheck then refuses.
    long wPx = Math.max((long) w, 1);
    long hPx = Math.max((long) h, 1);
    return p.getRotation() % 180 == 0 ? new long[] {wPx, hPx} : new long[] {hPx, wPx};
  }

  @Override
  public void close() {
    closeQuietly(document);
  }

  private static String reason(Throwable e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // Closing an input only releases buffers; nothing is lost when it fails.
    }
  }
}
