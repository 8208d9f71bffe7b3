package org.jaznet.recognizer.preprocess;

import static org.jaznet.recognizer.preprocess.Preprocessor.AREA_FROM;
import static org.jaznet.recognizer.preprocess.Preprocessor.HEIGHT;
import static org.jaznet.recognizer.preprocess.Preprocessor.WIDTH;

/**
 * The geometric part of preprocessing: an 8-bit grey image resized to {@value Preprocessor#WIDTH}x{@value
 * Preprocessor#HEIGHT} floats, bilinearly, or separably with a box filter along an axis that shrinks by more than
 * {@value Preprocessor#AREA_FROM}x (see {@link Preprocessor}). Each resize returns the sum of the values it wrote,
 * which the normalisation that follows needs.
 */
final class Resize {
  private Resize() {}

  /** Bilinear resize of {@code grey} [h, w] into {@code dst[offset .. offset + 3200)}; returns the values' sum. */
  static double bilinear(byte[] grey, int w, int h, float[] dst, int offset) {
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
    return sum;
  }

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

  /** Separable resize (rows first, then columns) with {@link #filter} along each axis; returns the values' sum. */
  static double separable(byte[] grey, int w, int h, float[] dst, int offset) {
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
    return sum;
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
}
