package org.jaznet.synth.stage;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Fast per-pixel Gaussian noise: a fixed table of N(0,1) values (built once from a fixed seed) read
 * from a random start with a random odd stride, so a sample's noise depends only on its own generator.
 */
final class Gaussians {
  private static final int SIZE = 1 << 16;
  private static final int MASK = SIZE - 1;
  private static final float[] TABLE = new float[SIZE];

  static {
    SplittableRandom r = new SplittableRandom(0x5EED_0F_A015EL);
    for (int i = 0; i < SIZE; i++) {
      TABLE[i] = (float) r.nextGaussian();
    }
  }

  private Gaussians() {}

  /** N(0, sigma) rounded to integers, one table per sigma: for stages whose sigma is fixed. */
  static int[] scaledTable(double sigma) {
    int[] t = new int[SIZE];
    for (int i = 0; i < SIZE; i++) {
      t[i] = (int) Math.round(sigma * TABLE[i]);
    }
    return t;
  }

  /** Adds the integer noise {@code table} (from {@link #scaledTable}) to {@code n} pixels, clamping. */
  static void addNoise(byte[] px, int n, int[] table, RandomGenerator r) {
    int pos = r.nextInt(SIZE);
    int step = 1 + 2 * r.nextInt(SIZE / 2);
    for (int i = 0; i < n; i++) {
      int v = (px[i] & 0xFF) + table[pos];
      px[i] = (byte) (v < 0 ? 0 : (v > 255 ? 255 : v));
      pos = (pos + step) & MASK;
    }
  }

  /** Adds N(0, sigma) noise, rounded, to {@code n} pixels, clamping: for a sigma drawn per sample. */
  static void addNoise(byte[] px, int n, double sigma, RandomGenerator r) {
    int pos = r.nextInt(SIZE);
    int step = 1 + 2 * r.nextInt(SIZE / 2);
    for (int i = 0; i < n; i++) {
      int v = (px[i] & 0xFF) + (int) Math.round(sigma * TABLE[pos]);
      px[i] = (byte) (v < 0 ? 0 : (v > 255 ? 255 : v));
      pos = (pos + step) & MASK;
    }
  }

  /** Beta(2,5) as the 2nd smallest of 6 uniforms. */
  static double beta25(RandomGenerator r) {
    double a = 2;
    double b = 2;
    for (int i = 0; i < 6; i++) {
      double u = r.nextDouble();
      if (u < a) {
        b = a;
        a = u;
      } else if (u < b) {
        b = u;
      }
    }
    return b;
  }
}
