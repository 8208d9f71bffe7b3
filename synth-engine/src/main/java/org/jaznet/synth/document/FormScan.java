package org.jaznet.synth.document;

import java.util.SplittableRandom;

/**
 * The wear a scanned form shows beyond {@link DocumentSynth}'s rotation, blur, noise and JPEG: faded
 * regions (faint print), broken strokes (dropout), speckle and a dark scanner edge. Fading and dropout
 * act on the clean coverage before the word boxes are taken, and each word keeps only the ink pixels
 * that stay at or above {@link DocumentSynth#INK_THRESHOLD}, so a box is still the word's visible ink;
 * speckle and the edge are added afterwards and belong to no word.
 */
final class FormScan {
  private FormScan() {}

  /** Fades and breaks the ink of {@code c} and trims its words' ink to what is left. */
  static void wear(PageCanvas c, SplittableRandom r) {
    double fadeDepth = r.nextDouble() < 0.5 ? 0.3 + 0.5 * r.nextDouble() : 0;
    ValueNoise fade = new ValueNoise(c.width, c.height, 30 + r.nextInt(90), r);
    double breakShare = r.nextDouble() < 0.5 ? 0.03 + 0.15 * r.nextDouble() : 0;
    ValueNoise breaks = new ValueNoise(c.width, c.height, 2 + r.nextInt(3), r);
    int[] cov = c.coverage;
    for (int y = 0; y < c.height; y++) {
      for (int x = 0; x < c.width; x++) {
        int i = y * c.width + x;
        if (cov[i] == 0) {
          continue;
        }
        double f = 1 - fadeDepth * fade.at(x, y);
        if (breakShare > 0 && breaks.at(x, y) > 1 - breakShare) {
          f *= 0.15;
        }
        cov[i] = (int) (cov[i] * f);
      }
    }
    c.drawn.replaceAll(d -> {
      int[] px = d.inkPixels();
      int[] kept = new int[px.length];
      int n = 0;
      for (int k = 0; k < px.length; k += 2) {
        if (cov[px[k + 1] * c.width + px[k]] >= DocumentSynth.INK_THRESHOLD) {
          kept[n++] = px[k];
          kept[n++] = px[k + 1];
        }
      }
      return d.withInk(java.util.Arrays.copyOf(kept, n));
    });
    c.drawn.removeIf(d -> d.inkPixels().length == 0);
  }

  /** Adds speckle (dots of 1..3 pixels, a few blots up to 7) and sometimes a dark scanner edge. */
  static void speckle(int[] cov, int w, int h, SplittableRandom r) {
    int n = (int) ((long) w * h / (800 + r.nextInt(20000)));
    for (int i = 0; i < n; i++) {
      double rad = r.nextDouble() < 0.92 ? 0.5 + r.nextDouble() : 1.5 + 2 * r.nextDouble();
      int level = 120 + r.nextInt(136);
      disc(cov, w, h, r.nextInt(w), r.nextInt(h), rad, level);
    }
    if (r.nextDouble() < 0.2) {
      int band = 3 + r.nextInt(18);
      int side = r.nextInt(4);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          boolean in = switch (side) {
            case 0 -> x < band;
            case 1 -> x >= w - band;
            case 2 -> y < band;
            default -> y >= h - band;
          };
          if (in) {
            cov[y * w + x] = 200 + r.nextInt(56);
          }
        }
      }
    }
  }

  private static void disc(int[] cov, int w, int h, int cx, int cy, double rad, int level) {
    int ir = (int) Math.ceil(rad);
    for (int y = cy - ir; y <= cy + ir; y++) {
      for (int x = cx - ir; x <= cx + ir; x++) {
        if (x >= 0 && y >= 0 && x < w && y < h && (x - cx) * (x - cx) + (y - cy) * (y - cy) <= rad * rad + 0.5) {
          cov[y * w + x] = Math.max(cov[y * w + x], level);
        }
      }
    }
  }

  /** Smooth random values in [0, 1): a grid of {@code cell}-pixel squares, interpolated bilinearly. */
  static final class ValueNoise {
    private final int cell;
    private final int gw;
    private final double[] grid;

    ValueNoise(int w, int h, int cell, SplittableRandom r) {
      this.cell = cell;
      this.gw = w / cell + 2;
      int gh = h / cell + 2;
      this.grid = new double[gw * gh];
      for (int i = 0; i < grid.length; i++) {
        grid[i] = r.nextDouble();
      }
    }

    double at(int x, int y) {
      int gx = x / cell;
      int gy = y / cell;
      double fx = (x % cell) / (double) cell;
      double fy = (y % cell) / (double) cell;
      double a = grid[gy * gw + gx];
      double b = grid[gy * gw + gx + 1];
      double c = grid[(gy + 1) * gw + gx];
      double d = grid[(gy + 1) * gw + gx + 1];
      return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }
  }
}
