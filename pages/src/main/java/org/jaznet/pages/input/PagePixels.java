package org.jaznet.pages.input;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Converts decoded images to the two layouts {@link org.jaznet.pages.PageImage} allows: 8-bit grey
 * ({@link BufferedImage#TYPE_BYTE_GRAY}) for grey, bilevel and grey-palette images, 8-bit BGR
 * ({@link BufferedImage#TYPE_3BYTE_BGR}) for everything else. Transparent pixels are composited on white;
 * deeper grey samples are scaled to 8 bits. Grey samples are copied as stored (no gamma change), colour
 * pixels go through the image's {@link ColorModel} to sRGB (so photometric interpretations such as TIFF
 * WhiteIsZero come out right).
 */
final class PagePixels {
  private PagePixels() {}

  /** {@code img} itself when it already has an allowed layout, else a converted copy. */
  static BufferedImage toGreyOrBgr(BufferedImage img) {
    if (img.getType() == BufferedImage.TYPE_BYTE_GRAY || img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return img;
    }
    ColorModel cm = img.getColorModel();
    if (cm instanceof IndexColorModel icm) {
      return isGreyPalette(icm) ? greyFromRgb(img) : bgrFromRgb(img);
    }
    int transfer = img.getRaster().getTransferType();
    if (cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
        && cm.getNumColorComponents() == 1
        && (transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT)
        && cm.getComponentSize(0) <= 16) {
      return greyFromSamples(img);
    }
    return bgrFromRgb(img);
  }

  private static boolean isGreyPalette(IndexColorModel icm) {
    for (int i = 0; i < icm.getMapSize(); i++) {
      int r = icm.getRed(i);
      if (r != icm.getGreen(i) || r != icm.getBlue(i)) {
        return false;
      }
    }
    return true;
  }

  /** Grey (+ alpha) images: the grey band copied and scaled to 8 bits, alpha composited on white. */
  private static BufferedImage greyFromSamples(BufferedImage img) {
    ColorModel cm = img.getColorModel();
    Raster r = img.getRaster();
    int w = img.getWidth();
    int h = img.getHeight();
    int greyMax = (1 << cm.getComponentSize(0)) - 1;
    boolean alpha = cm.hasAlpha() && r.getNumBands() > 1;
    int alphaMax = alpha ? (1 << cm.getComponentSize(1)) - 1 : 1;
    boolean premultiplied = cm.isAlphaPremultiplied();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    int[] grey = new int[w];
    int[] a = alpha ? new int[w] : null;
    for (int y = 0; y < h; y++) {
      r.getSamples(0, y, w, 1, 0, grey);
      if (alpha) {
        r.getSamples(0, y, w, 1, 1, a);
      }
      int row = y * w;
      for (int x = 0; x < w; x++) {
        double v = (double) grey[x] / greyMax;
        if (alpha) {
          double op = (double) a[x] / alphaMax;
          v = premultiplied ? v + (1 - op) : v * op + (1 - op);
        }
        dst[row + x] = (byte) clamp(v * 255);
      }
    }
    return out;
  }

  /** Grey-palette images via the colour model (sRGB), alpha composited on white. */
  private static BufferedImage greyFromRgb(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    int[] argb = new int[w];
    for (int y = 0; y < h; y++) {
      img.getRGB(0, y, w, 1, argb, 0, w);
      int row = y * w;
      for (int x = 0; x < w; x++) {
        dst[row + x] = (byte) onWhite(argb[x], 0);
      }
    }
    return out;
  }

  /** Any other image via its colour model to sRGB, alpha composited on white. */
  private static BufferedImage bgrFromRgb(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
    int[] argb = new int[w];
    for (int y = 0; y < h; y++) {
      img.getRGB(0, y, w, 1, argb, 0, w);
      int row = y * w * 3;
      for (int x = 0; x < w; x++) {
        int p = row + 3 * x;
        dst[p] = (byte) onWhite(argb[x], 0);
        dst[p + 1] = (byte) onWhite(argb[x], 8);
        dst[p + 2] = (byte) onWhite(argb[x], 16);
      }
    }
    return out;
  }

  /** The channel at {@code shift} of a non-premultiplied ARGB pixel, composited on white. */
  private static int onWhite(int argb, int shift) {
    int a = argb >>> 24;
    int c = (argb >> shift) & 0xff;
    return a == 255 ? c : (c * a + 255 * (255 - a) + 127) / 255;
  }

  private static int clamp(double v) {
    long r = Math.round(v);
    return (int) Math.max(0, Math.min(255, r));
  }
}
