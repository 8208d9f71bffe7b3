package org.jaznet.pages.input;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;

/**
 * A PDF file, its pages rendered in grey with Apache PDFBox at {@link PageLimits#dpi()}. Each page's size
 * at that resolution is computed from its crop box and checked against the pixel limit before
 * rendering. PDFs that need a password, or whose owner forbids extracting their content, are refused;
 * PDFs encrypted with an empty user password (readable by any viewer) are read. PDFBox buffers streams
 * in temporary files, not on the heap.
 */
final class PdfPageSource implements PageSource {
  private final String source;
  private final PDDocument doc;
  private final PDFRenderer renderer;
  private final int pages;
  private final PageLimits limits;

  private PdfPageSource(String source, PDDocument doc, PageLimits limits) {
    this.source = source;
    this.doc = doc;
    this.renderer = new PDFRenderer(doc);
    this.pages = doc.getNumberOfPages();
    this.limits = limits;
  }

  static PageSource open(String source, byte[] bytes, PageLimits limits) throws PageException {
    PDDocument doc;
    try {
      doc = Loader.loadPDF(bytes, "", null, null, IOUtils.createTempFileOnlyStreamCache());
    } catch (InvalidPasswordException e) {
      throw new PageException(source + ": encrypted PDF: it needs a password to open", e);
    } catch (IOException | RuntimeException e) {
      throw new PageException(source + ": malformed PDF: " + e.getMessage(), e);
    }
    try {
      if (doc.isEncrypted()) {
        AccessPermission ap = doc.getCurrentAccessPermission();
        if (!ap.canExtractContent()) {
          throw new PageException(source + ": encrypted PDF: its owner does not permit extracting its content");
        }
      }
      int n = doc.getNumberOfPages();
      if (n <= 0) {
        throw new PageException(source + ": PDF has no pages");
      }
      if (n > limits.maxPages()) {
        throw new PageException(source + ": PDF has " + n + " pages, over the limit of " + limits.maxPages() + " (--max-pages)");
      }
      return new PdfPageSource(source, doc, limits);
    } catch (PageException e) {
      closeQuietly(doc);
      throw e;
    } catch (RuntimeException e) {
      closeQuietly(doc);
      throw new PageException(source + ": malformed PDF: " + e.getMessage(), e);
    }
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
      PDPage p = doc.getPage(page - 1);
      PDRectangle box = p.getCropBox();
      double scale = limits.dpi() / 72.0;
      long w = (long) Math.ceil(Math.abs(box.getWidth()) * scale);
      long h = (long) Math.ceil(Math.abs(box.getHeight()) * scale);
      ImageReaders.checkSize(id + " at " + limits.dpi() + " dpi", w, h, limits);
      BufferedImage img = renderer.renderImageWithDPI(page - 1, limits.dpi(), ImageType.GRAY);
      return new PageImage(source, page, Pixels.normalise(img));
    } catch (PageException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new PageException(id + ": cannot render PDF page: " + e.getMessage(), e);
    } catch (OutOfMemoryError e) {
      throw new PageException(id + ": rendering ran out of memory", e);
    }
  }

  @Override
  public void close() {
    closeQuietly(doc);
  }

  private static void closeQuietly(PDDocument doc) {
    try {
      doc.close();
    } catch (IOException ignored) {
      // temporary buffers only
    }
  }
}
