package org.jaznet.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real page files for tests: PNG pages drawn with Java2D, multi-page TIFFs, PDFs made with PDFBox. */
public final class TestDocuments {
  private TestDocuments() {}

  /** A white page with {@code lines} of text in a large sans-serif face. */
  public static BufferedImage page(List<String> lines, int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 36));
    int y = 80;
    for (String l : lines) {
      g.drawString(l, 60, y);
      y += 50;
    }
    g.dispose();
    return img;
  }

  public static void png(Path file, BufferedImage img) throws IOException {
    ImageIO.write(img, "png", file.toFile());
  }

  /** A multi-page TIFF, compressed with {@code compression} ("LZW"; "CCITT T.6" for its bilevel pages, LZW for the others). */
  public static void tiff(Path file, List<BufferedImage> pages, String compression) throws IOException {
    ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      w.setOutput(out);
      w.prepareWriteSequence(null);
      for (BufferedImage img : pages) {
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        // CCITT codes bilevel pages only; grey pages of the same file are LZW
        p.setCompressionType(img.getType() == BufferedImage.TYPE_BYTE_BINARY || !compression.startsWith("CCITT") ? compression : "LZW");
        w.writeToSequence(new IIOImage(img, null, null), p);
      }
      w.endWriteSequence();
    } finally {
      w.dispose();
    }
  }

  /** {@code img} thresholded to a bilevel image (for CCITT compression). */
  public static BufferedImage bilevel(BufferedImage img) {
    BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
    Graphics2D g = out.createGraphics();
    g.drawImage(img, 0, 0, null);
    g.dispose();
    return out;
  }

  /** A PDF with one Letter page per entry of {@code pages}, each a list of lines in Helvetica 20 pt. */
  public static void pdf(Path file, List<List<String>> pages) throws IOException {
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (List<String> lines : pages) {
        PDPage page = new PDPage(PDRectangle.LETTER);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 20);
          cs.newLineAtOffset(72, 700);
          for (String l : lines) {
            cs.showText(l);
            cs.newLineAtOffset(0, -36);
          }
          cs.endText();
        }
      }
      doc.save(file.toFile());
    }
  }
}
