package org.jaznet.synth.colour;

import java.util.Arrays;

/**
 * k-means clusters of the grey levels of an image, computed exactly on its 256-bin histogram
 * (Lloyd's iterations from quantile seeds, so the result is deterministic). Immutable.
 *
 * @param means cluster means, ascending
 * @param sigmas cluster standard deviations
 * @param weights fraction of pixels in each cluster
 */
public record GreyClusters(double[] means, double[] sigmas, double[] weights) {
  public GreyClusters {
    if (means.length == 0 || means.length != sigmas.length || means.length != weights.length) {
      throw new IllegalArgumentException("means, sigmas and weights must have the same non-zero length");
    }
    means = means.clone();
    sigmas = sigmas.clone();
    weights = weights.clone();
  }

  public int k() {
    return means.length;
  }

  @Override
  public double[] means() {
    return means.clone();
  }

  public double mean(int i) {
    return means[i];
  }

  public double sigma(int i) {
    return sigmas[i];
  }

  /** Clusters the histogram {@code hist} (256 bins of pixel counts) into {@code k} groups. */
  public static GreyClusters of(long[] hist, int k) {
    if (hist.length != 256) {
      throw new IllegalArgumentException("histogram must have 256 bins, got " + hist.length);
    }
    if (k < 1 || k > 16) {
      throw new IllegalArgumentException("k must be in 1..16, got " + k);
    }
    long total = Arrays.stream(hist).sum();
    if (total == 0) {
      throw new IllegalArgumentException("empty histogram");
    }
    double[] c = new double[k];
    // Seeds at the centres of k equal-count slices of the histogram.
    long acc = 0;
    int slice = 0;
    for (int v = 0; v < 256 && slice < k; v++) {
      acc += hist[v];
      while (slice < k && acc >= (2L * slice + 1) * total / (2L * k)) {
        c[slice++] = v;
      }
    }
    int[] assign = new int[256];
    for (int iter = 0; iter < 50; iter++) {
      for (int v = 0; v < 256; v++) {
        int best = 0;
        for (int j = 1; j < k; j++) {
          if (Math.abs(v - c[j]) < Math.abs(v - c[best])) {
            best = j;
          }
        }
        assign[v] = best;
      }
      double[] sum = new double[k];
      long[] n = new long[k];
      for (int v = 0; v < 256; v++) {
        sum[assign[v]] += (double) v * hist[v];
        n[assign[v]] += hist[v];
      }
      boolean moved = false;
      for (int j = 0; j < k; j++) {
        double m = n[j] > 0 ? sum[j] / n[j] : c[j];
        if (Math.abs(m - c[j]) > 1e-9) {
          moved = true;
        }
        c[j] = m;
      }
      if (!moved) {
        break;
      }
    }
    double[] var = new double[k];
    long[] n = new long[k];
    for (int v = 0; v < 256; v++) {
      double d = v - c[assign[v]];
      var[assign[v]] += d * d * hist[v];
      n[assign[v]] += hist[v];
    }
    Integer[] order = new Integer[k];
    for (int j = 0; j < k; j++) {
      order[j] = j;
    }
    final double[] cc = c;
    Arrays.sort(order, (a, b) -> Double.compare(cc[a], cc[b]));
    double[] means = new double[k];
    double[] sigmas = new double[k];
    double[] weights = new double[k];
    for (int j = 0; j < k; j++) {
      int o = order[j];
      means[j] = c[o];
      sigmas[j] = n[o] > 0 ? Math.sqrt(var[o] / n[o]) : 0;
      weights[j] = (double) n[o] / total;
    }
    return new GreyClusters(means, sigmas, weights);
  }

  /** Histogram of 8-bit grey pixels. */
  public static long[] histogram(byte[] pixels) {
    long[] h = new long[256];
    for (byte p : pixels) {
      h[p & 0xFF]++;
    }
    return h;
  }
}
