package org.jaznet.recognizer.preprocess;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import org.jaznet.recognizer.RecognizerException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The intensity part of preprocessing before the resize: any BufferedImage or OpenCV Mat to 8-bit grey (row-major,
 * width x height bytes), 0.2989 R + 0.5870 G + 0.1140 B with alpha composited on white, 16-bit samples scaled to 8.
 */
final class Grey {
  private Grey() {}

  /** 8-bit grey (row-major, width x height bytes) of any BufferedImage, by the same rule as the network input. */
  static byte[] of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    byte[] out = new byte[w * h];
    Raster raster = image.getRaster();
    int type = image.getType();
    // Grey images are read from the raster: getRGB would push their linear grey through an sRGB
    // conversion and brighten them.
    if (type == BufferedImage.TYPE_BYTE_GRAY) {
      raster.getDataElements(0, 0, w, h, out);
      return out;
    }
    if (type == BufferedImage.TYPE_USHORT_GRAY) {
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          out[y * w + x] = (byte) ((row[x] * 255 + 32767) / 65535);
        }
      }
      return out;
    }
    if (raster.getNumBands() == 1 && image.getColorModel().getPixelSize() <= 16
        && raster.getTransferType() != DataBuffer.TYPE_BYTE
        && image.getColorModel() instanceof java.awt.image.ComponentColorModel) {
      int bits = image.getColorModel().getComponentSize(0);
      double max = (1L << bits) - 1;
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          out[y * w + x] = (byte) Math.round(row[x] * 255 / max);
        }
      }
      return out;
    }
    if (type == BufferedImage.TYPE_3BYTE_BGR) {
      // sRGB bytes, no alpha: the samples themselves, without getRGB's per-pixel colour-model calls
      // (same values: getRGB of an 8-bit sRGB image returns its samples unchanged)
      int[] rgb = new int[w * 3];
      for (int y = 0; y < h; y++) {
        raster.getPixels(0, y, w, 1, rgb);
        for (int x = 0; x < w; x++) {
          double g = 0.2989 * rgb[3 * x] + 0.5870 * rgb[3 * x + 1] + 0.1140 * rgb[3 * x + 2];
          g = (g * 255 + 0.0) / 255.0; // the composite on white at alpha 255, for identical rounding
          out[y * w + x] = (byte) Math.min(255, (int) Math.round(g));
        }
      }
      return out;
    }
    int[] argb = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, argb, 0, w);
      for (int x = 0; x < w; x++) {
        int p = argb[x];
        int a = p >>> 24;
        double g = 0.2989 * ((p >> 16) & 0xFF) + 0.5870 * ((p >> 8) & 0xFF) + 0.1140 * (p & 0xFF);
        // composite on white
        g = (g * a + 255.0 * (255 - a)) / 255.0;
        out[y * w + x] = (byte) Math.min(255, (int) Math.round(g));
      }
    }
    return out;
  }

  /** 8-bit grey of an OpenCV Mat: 8- or 16-bit, 1 (grey), 3 (BGR) or 4 (BGRA) channels. */
  static byte[] of(Mat image) throws RecognizerException {
    if (image == null) {
      throw new RecognizerException("image Mat is null");
    }
    if (image.empty() || image.cols() <= 0 || image.rows() <= 0) {
      throw new RecognizerException("image Mat is empty (" + image.cols() + "x" + image.rows() + ")");
    }
    int w = image.cols();
    int h = image.rows();
    int ch = image.channels();
    if (ch != 1 && ch != 3 && ch != 4) {
      throw new RecognizerException("image Mat has " + ch + " channels; expected 1, 3 or 4");
    }
    int depth = CvType.depth(image.type());
    Mat src = image;
    Mat converted = null;
    try {
      if (depth == CvType.CV_16U) {
        converted = new Mat();
        image.convertTo(converted, CvType.makeType(CvType.CV_8U, ch), 255.0 / 65535.0);
        src = converted;
      } else if (depth != CvType.CV_8U) {
        throw new RecognizerException("image Mat has depth " + CvType.typeToString(image.type())
            + "; expected 8-bit or 16-bit unsigned");
      }
      if (!src.isContinuous()) {
        Mat c = src.clone();
        if (converted != null) {
          converted.release();
        }
        converted = c;
        src = c;
      }
      byte[] raw = new byte[w * h * ch];
      src.get(0, 0, raw);
      byte[] grey;
      if (ch == 1) {
        grey = raw;
      } else {
        grey = new byte[w * h];
        for (int i = 0; i < w * h; i++) {
          int b = raw[i * ch] & 0xFF;
          int g = raw[i * ch + 1] & 0xFF;
          int r = raw[i * ch + 2] & 0xFF;
          double v = 0.2989 * r + 0.5870 * g + 0.1140 * b;
          if (ch == 4) {
            int a = raw[i * ch + 3] & 0xFF;
            v = (v * a + 255.0 * (255 - a)) / 255.0;
          }
          grey[i] = (byte) Math.min(255, (int) Math.round(v));
        }
      }
      return grey;
    } finally {
      if (converted != null) {
        converted.release();
      }
    }
  }
}
