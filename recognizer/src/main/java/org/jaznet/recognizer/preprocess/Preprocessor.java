package org.jaznet.recognizer.preprocess;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.jaznet.recognizer.RecognizerException;
import org.opencv.core.Mat;

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
 *
 * <p>The parts: {@link Grey} (colour, alpha and bit depth to 8-bit grey), {@link Resize} (to 100x32), the
 * normalisation here, and {@link ImageFiles} (bounded reading and decoding of files).
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
    double sum = (double) w / WIDTH > AREA_FROM || (double) h / HEIGHT > AREA_FROM
        ? Resize.separable(grey, w, h, dst, offset)
        : Resize.bilinear(grey, w, h, dst, offset);
    normalise(dst, offset, sum);
  }

  /** Shrink factor past which an axis is resized with a box filter instead of bilinearly. */
  public static final double AREA_FROM = 2.0;

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
    return Grey.of(image);
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
    byte[] grey = Grey.of(image);
    toInput(grey, image.cols(), image.rows(), dst, offset);
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
    ImageFiles.toInput(file, dst, offset);
  }
}
