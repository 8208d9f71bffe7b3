package org.jaznet.pipeline.io;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/** Builds test images in memory: one word in black on white, in many encodings. */
public final class Fixtures {
  public static final int W = 100;
  public static final int H = 32;

  private Fixtures() {}

  /** The reference: a grey word image with a dark bar on the left, so rotations are visible. */
  public static BufferedImage word(String text) {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, 6, H);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
    g.drawString(text, 10, 24);
    g.dispose();
    return img;
  }

  public static byte[] encode(BufferedImage img, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, format, out)) {
      throw new IOException("no ImageIO writer for " + format + " / type " + img.getType());
    }
    return out.toByteArray();
  }

  public static byte[] png(String text) throws IOException {
    return encode(word(text), "png");
  }

  public static byte[] greyPng(BufferedImage ref) throws IOException {
    return encode(ref, "png");
  }

  public static byte[] png16(BufferedImage ref) throws IOException {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster r = img.getRaster();
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        r.setSample(x, y, 0, ref.getRaster().getSample(x, y, 0) * 257);
      }
    }
    return encode(img, "png");
  }

  public static byte[] palettePng(BufferedImage ref) throws IOException {
    byte[] levels = new byte[256];
    for (int i = 0; i < 256; i++) {
      levels[i] = (byte) i;
    }
    IndexColorModel cm = new IndexColorModel(8, 256, levels, levels, levels);
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED, cm);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        img.getRaster().setSample(x, y, 0, ref.getRaster().getSample(x, y, 0));
      }
    }
    return encode(img, "png");
  }

  /** Transparent background, opaque dark word: must come out dark on white. */
  public static byte[] alphaPng(BufferedImage ref) throws IOException {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int v = ref.getRaster().getSample(x, y, 0);
        int alpha = 255 - v;
        img.setRGB(x, y, (alpha << 24));
      }
    }
    return encode(img, "png");
  }

  public static byte[] rgbJpeg(BufferedImage ref) throws IOException {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
    img.getGraphics().drawImage(ref, 0, 0, null);
    return jpeg(img, 0.95f);
  }

  static byte[] jpeg(BufferedImage img, float quality) throws IOException {
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      w.setOutput(ios);
      ImageWriteParam p = w.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality);
      w.write(null, new IIOImage(img, null, null), p);
    } finally {
      w.dispose();
    }
    return out.toByteArray();
  }

  /**
   * An Adobe CMYK JPEG (4 components, inverted as Photoshop writes them) of the reference, written as a
   * raw raster so that no colour conversion happens on the way out.
   */
  public static byte[] cmykJpeg(BufferedImage ref) throws IOException {
    WritableRaster r = WritableRaster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, W, H, 4, null);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int v = ref.getRaster().getSample(x, y, 0);
        // Adobe CMYK is stored inverted: 255 = no ink. Grey v -> K ink = 255 - v -> stored v.
        r.setSample(x, y, 0, 255);
        r.setSample(x, y, 1, 255);
        r.setSample(x, y, 2, 255);
        r.setSample(x, y, 3, v);
      }
    }
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      w.setOutput(ios);
      ImageWriteParam p = w.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(0.95f);
      w.write(null, new IIOImage(r, null, null), p);
    } finally {
      w.dispose();
    }
    return out.toByteArray();
  }

  /**
   * A JPEG of the reference turned 90 degrees counter-clockwise, tagged EXIF orientation 6 ("rotate 90
   * clockwise to view"), so a reader that honours EXIF shows the reference again.
   */
  public static byte[] exifRotatedJpeg(BufferedImage ref) throws IOException {
    BufferedImage rot = new BufferedImage(H, W, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int v = ref.getRaster().getSample(x, y, 0);
        // stored(sx, sy) with sx = y, sy = W - 1 - x ; rotating it 90 cw gives back (x, y)
        rot.setRGB(y, W - 1 - x, (v << 16) | (v << 8) | v);
      }
    }
    byte[] plain = jpeg(rot, 0.95f);
    byte[] exif = {
      (byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,
      'M', 'M', 0, 42, 0, 0, 0, 8,
      0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0,
      0, 0, 0, 0
    };
    byte[] out = new byte[plain.length + exif.length];
    out[0] = plain[0];
    out[1] = plain[1];
    System.arraycopy(exif, 0, out, 2, exif.length);
    System.arraycopy(plain, 2, out, 2 + exif.length, plain.length - 2);
    return out;
  }

  /** Two-frame animated GIF: the first frame is the reference, the second is black. */
  public static byte[] animatedGif(BufferedImage ref) throws IOException {
    ImageWriter w = ImageIO.getImageWritersByFormatName("gif").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BufferedImage f1 = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED);
    f1.getGraphics().drawImage(ref, 0, 0, null);
    BufferedImage f2 = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED);
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      w.setOutput(ios);
      w.prepareWriteSequence(null);
      for (BufferedImage f : new BufferedImage[] {f1, f2}) {
        ImageTypeSpecifier t = ImageTypeSpecifier.createFromRenderedImage(f);
        IIOMetadata md = w.getDefaultImageMetadata(t, null);
        String fmt = md.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) md.getAsTree(fmt);
        IIOMetadataNode gce = new IIOMetadataNode("GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", "50");
        gce.setAttribute("transparentColorIndex", "0");
        root.appendChild(gce);
        md.setFromTree(fmt, root);
        w.writeToSequence(new IIOImage(f, null, md), null);
      }
      w.endWriteSequence();
    } finally {
      w.dispose();
    }
    return out.toByteArray();
  }

  public static byte[] bmp(BufferedImage ref) throws IOException {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
    img.getGraphics().drawImage(ref, 0, 0, null);
    return encode(img, "bmp");
  }

  public static byte[] tiff(BufferedImage ref) throws IOException {
    return encode(ref, "tiff");
  }

  /** A PNG signature and IHDR chunk declaring the size, and nothing else worth decoding. */
  public static byte[] pngHeader(long w, long h) {
    byte[] b = new byte[64];
    byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    System.arraycopy(sig, 0, b, 0, sig.length);
    putU32(b, 16, w);
    putU32(b, 20, h);
    b[24] = 8;
    b[25] = 0;
    byte[] iend = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    System.arraycopy(iend, 0, b, b.length - iend.length, iend.length);
    return b;
  }

  public static byte[] truncated(byte[] b) {
    return Arrays.copyOf(b, b.length / 2);
  }

  /** Mean absolute grey difference between two images of the same size (assumes grey-ish content). */
  public static double meanAbsDiff(BufferedImage a, BufferedImage b) {
    double sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        sum += Math.abs(grey(a.getRGB(x, y)) - grey(b.getRGB(x, y)));
      }
    }
    return sum / (a.getWidth() * a.getHeight());
  }

  private static int grey(int rgb) {
    return (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3;
  }

  private static void putU32(byte[] b, int p, long v) {
    b[p] = (byte) (v >>> 24);
    b[p + 1] = (byte) (v >>> 16);
    b[p + 2] = (byte) (v >>> 8);
    b[p + 3] = (byte) v;
  }
}
