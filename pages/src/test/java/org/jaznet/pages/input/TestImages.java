package org.jaznet.pages.input;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Small generated page images and their encodings, for the reader tests. */
final class TestImages {
  private TestImages() {}

  /** A white {@code w x h} image of {@code type} with a black bar across its upper half and the text "Hi". */
  static BufferedImage page(int type, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, type);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    g.fillRect(w / 4, h / 4, w / 2, h / 8);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(8, h / 6)));
    g.drawString("Hi", w / 4, 3 * h / 4);
    g.dispose();
    return img;
  }

  /** {@code img} encoded as {@code format} ("png", "jpeg", "bmp"). */
  static byte[] encode(RenderedImage img, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, format, out)) {
      throw new IOException("no writer for " + format);
    }
    return out.toByteArray();
  }

  /** One TIFF page: its image and compression type (null: uncompressed). */
  record TiffPage(RenderedImage image, String compression) {}

  /** A multi-page TIFF written with the JDK TIFF writer. */
  static byte[] tiff(List<TiffPage> pages) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("tiff").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      for (TiffPage p : pages) {
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (p.compression() != null) {
          param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
          param.setCompressionType(p.compression());
        }
        writer.writeToSequence(new IIOImage(p.image(), null, null), param);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
