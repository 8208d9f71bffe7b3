package org.jaznet.recognizer.preprocess;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jaznet.recognizer.RecognizerException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Word image to network input: grey (0.2989 R + 0.5870 G + 0.1140 B, alpha composited on white),
 * resize to {@value #WIDTH}x{@value #HEIGHT}, then (x - mean) / (std + 1e-4) over the image. Output layout: row-major [32, 100], i.e. one image of
 * the network's [N, 1, 32, 100] input. Stateless and thread-safe.
 *
 * <p>The resize is bilinear (pixel centres aligned, as OpenCV's INTER_LINEAR) while neither side shrinks
 * by more than {@value #AREA_FROM}x; past that a bilinear sample skips source pixels and thin strokes
 * alias away, so the image is then resized separably with a box (area-average, as OpenCV's INTER_AREA)
 * filter along every axis that shrinks by more than {@value #AREA_FROM}x, and bilinearly along the other.
 * (At exactly 2x the two filters agree.) Synthetic training images are rendered 32 pixels high, so
 * their rows are never area-averaged, and only their widest few per cent (long words over 200 pixels
 * wide) are area-averaged along the width; photographed words are often several times larger (on
 * ICDAR 2013, 40 % of the words are over 64 pixels high).
 */
public final class Preprocessor {
  public static final int HEIGHT = 32;
  public static final int WIDTH = 100;
  /** Floats per preprocessed image. */
  public static final int SIZE = HEIGHT * WIDTH;
  /** Largest side accepted from an image file header. */
  public static final int MAX_SIDE = 20_000;
  /** Largest pixel count accepted from an image file header. */
  public static final long MAX_PIXELS = 50_000_000L;
  /** Largest image file read. */
  public static final long MAX_FILE_BYTES = 256L << 20;

  private Preprocessor() {}

  /** Loads OpenCV's native library (once per JVM); needed before creating a {@link Mat}. */
  public static void loadOpenCv() {
    OpenCvLoader.ensure();
  }

  /**
   * Preprocesses an 8-bit grey image (row-major, {@code w * h} bytes, unsigned) into
   * {@code dst[offset .. offset + 3200)}.
   */
  public static void toInput(byte[] grey, int w, int h, float[] dst, int offset) {
    if (w <= 0 || h <= 0) {
      throw new IllegalArgumentException("image size must be positive, got " + w + "x" + h);
    }
    if (grey.length < (long) w * h) {
      throw new IllegalArgumentException("grey has " + grey.length + " bytes, fewer than " + w + "x" + h);
    }
    if (dst.length - offset < SIZE || offset < 0) {
      throw new IllegalArgumentException("dst has no room for " + SIZE + " floats at offset " + offset);
    }
    if ((double) w / WIDTH > AREA_FROM || (double) h / HEIGHT > AREA_FROM) {
      resizeSeparable(grey, w, h, dst, offset);
      return;
    }
    int[] x0 = new int[WIDTH];
    int[] x1 = new int[WIDTH];
    float[] fx = new float[WIDTH];
    axis(w, WIDTH, x0, x1, fx);
    int[] y0 = new int[HEIGHT];
    int[] y1 = new int[HEIGHT];
    float[] fy = new float[HEIGHT];
    axis(h, HEIGHT, y0, y1, fy);
    double sum = 0;
    for (int y = 0; y < HEIGHT; y++) {
      int r0 = y0[y] * w;
      int r1 = y1[y] * w;
      float wy = fy[y];
      int o = offset + y * WIDTH;
      for (int x = 0; x < WIDTH; x++) {
        float a = grey[r0 + x0[x]] & 0xFF;
        float b = grey[r0 + x1[x]] & 0xFF;
        float c = grey[r1 + x0[x]] & 0xFF;
        float d = grey[r1 + x1[x]] & 0xFF;
        float top = a + (b - a) * fx[x];
        float bottom = c + (d - c) * fx[x];
        float v = top + (bottom - top) * wy;
        dst[o + x] = v;
        sum += v;
      }
    }
    normalise(dst, offset, sum);
  }

  /** Shrink factor past which an axis is resized with a box filter instead of bilinearly. */
  public static final double AREA_FROM = 2.0;

  /** A one-axis resampling: output i is the sum over k of {@code weight[i][k] * source[first[i] + k]}. */
  private record Filter(int[] first, float[][] weight) {}

  private static Filter filter(int src, int out) {
    double scale = (double) src / out;
    int[] first = new int[out];
    float[][] weight = new float[out][];
    if (scale > AREA_FROM) {
      // box filter: output i averages the source interval [i * scale, (i + 1) * scale)
      for (int i = 0; i < out; i++) {
        double a = i * scale;
        double b = Math.min(src, (i + 1) * scale);
        int lo = (int) Math.floor(a);
        int hi = Math.min(src, (int) Math.ceil(b));
        float[] wt = new float[hi - lo];
        for (int k = lo; k < hi; k++) {
          double cover = Math.min(b, k + 1) - Math.max(a, k);
          wt[k - lo] = (float) (cover / (b - a));
        }
        first[i] = lo;
        weight[i] = wt;
      }
    } else {
      int[] i0 = new int[out];
      int[] i1 = new int[out];
      float[] f = new float[out];
      axis(src, out, i0, i1, f);
      for (int i = 0; i < out; i++) {
        first[i] = i0[i];
        weight[i] = i1[i] == i0[i] ? new float[] {1f} : new float[] {1 - f[i], f[i]};
      }
    }
    return new Filter(first, weight);
  }

  /** Separable resize (rows first, then columns) with {@link #filter} along each axis, then normalise. */
  private static void resizeSeparable(byte[] grey, int w, int h, float[] dst, int offset) {
    Filter fy = filter(h, HEIGHT);
    Filter fx = filter(w, WIDTH);
    float[] rows = new float[HEIGHT * w];
    for (int y = 0; y < HEIGHT; y++) {
      float[] wt = fy.weight()[y];
      int o = y * w;
      for (int k = 0; k < wt.length; k++) {
        int r = (fy.first()[y] + k) * w;
        float c = wt[k];
        for (int x = 0; x < w; x++) {
          rows[o + x] += c * (grey[r + x] & 0xFF);
        }
      }
    }
    double sum = 0;
    for (int y = 0; y < HEIGHT; y++) {
      int o = offset + y * WIDTH;
      int r = y * w;
      for (int x = 0; x < WIDTH; x++) {
        float[] wt = fx.weight()[x];
        int from = r + fx.first()[x];
        float v = 0;
        for (int k = 0; k < wt.length; k++) {
          v += wt[k] * rows[from + k];
        }
        dst[o + x] = v;
        sum += v;
      }
    }
    normalise(dst, offset, sum);
  }

  private static void normalise(float[] dst, int offset, double sum) {
    double mean = sum / SIZE;
    double sq = 0;
    for (int i = offset; i < offset + SIZE; i++) {
      double d = dst[i] - mean;
      sq += d * d;
    }
    double inv = 1.0 / (Math.sqrt(sq / SIZE) + 1e-4);
    for (int i = offset; i < offset + SIZE; i++) {
      dst[i] = (float) ((dst[i] - mean) * inv);
    }
  }

  /** Source indices and weights of a bilinear resize along one axis (half-pixel centres, clamped). */
  private static void axis(int src, int out, int[] i0, int[] i1, float[] f) {
    double scale = (double) src / out;
    for (int i = 0; i < out; i++) {
      double s = (i + 0.5) * scale - 0.5;
      if (s < 0) {
        s = 0;
      }
      int lo = (int) Math.floor(s);
      if (lo >= src - 1) {
        lo = src - 1;
        i0[i] = lo;
        i1[i] = lo;
        f[i] = 0;
      } else {
        i0[i] = lo;
        i1[i] = lo + 1;
        f[i] = (float) (s - lo);
      }
    }
  }

  /** Preprocesses any BufferedImage (colour, alpha, 16-bit, palette; any size). */
  public static float[] toInput(BufferedImage image) throws RecognizerException {
    float[] out = new float[SIZE];
    toInput(image, out, 0);
    return out;
  }

  /** As {@link #toInput(BufferedImage)}, writing into {@code dst} at {@code offset}. */
  public static void toInput(BufferedImage image, float[] dst, int offset) throws RecognizerException {
    if (image == null) {
      throw new RecognizerException("image is null");
    }
    int w = image.getWidth();
    int h = image.getHeight();
    if (w <= 0 || h <= 0) {
      throw new RecognizerException("image has zero size (" + w + "x" + h + ")");
    }
    toInput(grey(image), w, h, dst, offset);
  }

  /** 8-bit grey (row-major, width x height bytes) of any BufferedImage, by the same rule as the network input. */
  public static byte[] grey(BufferedImage image) {
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

  /** Preprocesses an OpenCV Mat: 8- or 16-bit, 1 (grey), 3 (BGR) or 4 (BGRA) channels. */
  public static float[] toInput(Mat image) throws RecognizerException {
    float[] out = new float[SIZE];
    toInput(image, out, 0);
    return out;
  }

  /** As {@link #toInput(Mat)}, writing into {@code dst} at {@code offset}. */
  public static void toInput(Mat image, float[] dst, int offset) throws RecognizerException {
    OpenCvLoader.ensure();
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
      toInput(grey, w, h, dst, offset);
    } finally {
      if (converted != null) {
        converted.release();
      }
    }
  }

  /**
   * Reads and preprocesses an image file. The declared size is checked from the header before any
   * pixel is decoded (&gt; 20000 px a side or &gt; 50 Mpx is refused); decoding uses OpenCV's imdecode
   * and falls back to ImageIO.
   */
  public static float[] toInput(Path file) throws RecognizerException {
    float[] out = new float[SIZE];
    toInput(file, out, 0);
    return out;
  }

  /** As {@link #toInput(Path)}, writing into {@code dst} at {@code offset}. */
  public static void toInput(Path file, float[] dst, int offset) throws RecognizerException {
    if (file == null) {
      throw new RecognizerException("image path is null");
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size == 0) {
        throw new RecognizerException("image file " + file + " is empty");
      }
      if (size > MAX_FILE_BYTES) {
        throw new RecognizerException("image file " + file + " is too large (" + size + " bytes)");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new RecognizerException("cannot read image file " + file + ": " + e, e);
    }
    checkDeclaredSize(bytes, file);
    OpenCvLoader.ensure();
    MatOfByte buf = new MatOfByte(bytes);
    Mat decoded = null;
    try {
      decoded = Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_UNCHANGED);
      if (decoded != null && !decoded.empty() && decoded.channels() != 2
          && (CvType.depth(decoded.type()) == CvType.CV_8U || CvType.depth(decoded.type()) == CvType.CV_16U)) {
        toInput(decoded, dst, offset);
        return;
      }
    } catch (RuntimeException e) {
      // fall through to ImageIO
    } finally {
      buf.release();
      if (decoded != null) {
        decoded.release();
      }
    }
    BufferedImage img;
    try {
      img = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new RecognizerException("image file " + file + " cannot be decoded: " + e.getMessage(), e);
    }
    if (img == null) {
      throw new RecognizerException("image file " + file + " is not a decodable image");
    }
    try {
      toInput(img, dst, offset);
    } catch (RecognizerException e) {
      throw new RecognizerException("image file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Refuses absurd sizes declared in the header, read by ImageIO without decoding pixels. */
  private static void checkDeclaredSize(byte[] bytes, Path file) throws RecognizerException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      if (in == null) {
        return;
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long w = reader.getWidth(0);
        long h = reader.getHeight(0);
        if (w <= 0 || h <= 0) {
          throw new RecognizerException("image file " + file + " declares zero size (" + w + "x" + h + ")");
        }
        if (w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS) {
          throw new RecognizerException("image file " + file + " declares an absurd size " + w + "x" + h
              + " (limits: " + MAX_SIDE + " px a side, " + MAX_PIXELS + " pixels)");
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      // An unreadable header is judged by the decoders below.
    }
  }
}
