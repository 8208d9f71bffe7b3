package org.jaznet.pages.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** PDFs generated with PDFBox for the reader tests. */
final class TestPdfs {
  private TestPdfs() {}

  /** {@code pages} pages of size {@code box}, each with a line of Helvetica text. */
  static byte[] text(int pages, PDRectangle box) throws IOException {
    try (PDDocument doc = textDocument(pages, box)) {
      return save(doc);
    }
  }

  /** Like {@link #text} but encrypted with a user password (AES-128). */
  static byte[] encrypted(int pages) throws IOException {
    try (PDDocument doc = textDocument(pages, PDRectangle.A6)) {
      StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      doc.protect(policy);
      return save(doc);
    }
  }

  /** One page of {@code box} rotated by {@code degrees}. */
  static byte[] rotated(PDRectangle box, int degrees) throws IOException {
    try (PDDocument doc = textDocument(1, box)) {
      doc.getPage(0).setRotation(degrees);
      return save(doc);
    }
  }

  private static PDDocument textDocument(int pages, PDRectangle box) throws IOException {
    PDDocument doc = new PDDocument();
    PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    for (int i = 1; i <= pages; i++) {
      PDPage page = new PDPage(box);
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(font, 24);
        cs.newLineAtOffset(20, Math.min(box.getHeight(), 2000) - 60);
        cs.showText("Page " + i + " of jaznet");
        cs.endText();
      }
    }
    return doc;
  }

  private static byte[] save(PDDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.save(out);
    return out.toByteArray();
  }
}
