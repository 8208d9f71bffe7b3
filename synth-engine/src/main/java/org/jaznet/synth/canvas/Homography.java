package org.jaznet.synth.canvas;

/** 3x3 projective transforms as row-major {@code double[9]}. */
public final class Homography {
  private Homography() {}

  public static double[] identity() {
    return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
  }

  /** Sets {@code out = a * b} ({@code out} may alias neither input). */
  public static void multiply(double[] a, double[] b, double[] out) {
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        out[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
      }
    }
  }

  /** Replaces {@code h} by {@code m * h}. */
  public static void preMultiply(double[] m, double[] h) {
    double[] t = new double[9];
    multiply(m, h, t);
    System.arraycopy(t, 0, h, 0, 9);
  }

  /** Maps the points {@code xy} (x0, y0, x1, y1, ...) in place. */
  public static void apply(double[] h, float[] xy, int from, int count) {
    for (int k = 0; k < count; k++) {
      int i = from + 2 * k;
      double x = xy[i];
      double y = xy[i + 1];
      double w = h[6] * x + h[7] * y + h[8];
      xy[i] = (float) ((h[0] * x + h[1] * y + h[2]) / w);
      xy[i + 1] = (float) ((h[3] * x + h[4] * y + h[5]) / w);
    }
  }
}
