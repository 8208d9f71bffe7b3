package org.jaznet.synth.raster;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Grey-image operations shared by the page and scene synthesisers: blur, Gaussian noise draws, 8-bit
 * conversion, a JPEG round trip and PNG bytes. All are this class's own arithmetic or the JDK's
 * ImageIO codecs, so the same input gives the same bytes.
 */
public final class GreyRaster {
  private GreyRaster() {}

  /** Separable Gaussian blur, edges clamped. */
  public static double[] gaussianBlur(double[] src, int w, int h, double sigma) {
    int rad = Math.max(1, (int) Math.ceil(3 * sigma));
    double[] k = new double[2 * rad + 1];
    double sum = 0;
    for (int i = -rad; i <= rad; i++) {
      k[i + rad] = Math.exp(-i * i / (2 * sigma * sigma));
      sum += k[i + rad];
    }
    for (int i = 0; i < k.length; i++) {
      k[i] /= sum;
    }
    double[] tmp = new double[w * h];
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        double acc = 0;
        for (int i = -rad; i <= rad; i++) {
          int xx = Math.min(w - 1, Math.max(0, x + i));
          acc += k[i + rad] * src[row + xx];
        }
        tmp[row + x] = acc;
      }
    }
    double[] out = new double[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double acc = 0;
        for (int i = -rad; i <= rad; i++) {
          int yy = Math.min(h - 1, Math.max(0, y + i));
          acc += k[i + rad] * tmp[yy * w + x];
        }
        out[y * w + x] = acc;
      }
    }
    return out;
  }

  /** Standard normal from two uniforms (Box-Muller, one value per call: simple and reproducible). */
  public static double nextGaussian(SplittableRandom r) {
    double u = 1 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  public static BufferedImage toImage(double[] grey, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < d.length; i++) {
      d[i] = (byte) Math.max(0, Math.min(255, (int) Math.round(grey[i])));
    }
    return img;
  }

  public static BufferedImage jpegRoundTrip(BufferedImage img, float quality) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
        writer.setOutput(out);
        ImageWriteParam p = writer.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(quality);
        writer.write(null, new IIOImage(img, null, null), p);
      } finally {
        writer.dispose();
      }
      BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
      if (back.getType() == BufferedImage.TYPE_BYTE_GRAY) {
        return back;
      }
      BufferedImage g = new BufferedImage(back.getWidth(), back.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
      g.getRaster().setRect(back.getRaster());
      return g;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("JPEG round trip failed: " + e.getMessage(), e);
    }
  }

  /** PNG bytes of an image. */
  public static byte[] png(BufferedImage img) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, "png", out)) {
      throw new IOException("no PNG writer");
    }
    return out.toByteArray();
  }

}
