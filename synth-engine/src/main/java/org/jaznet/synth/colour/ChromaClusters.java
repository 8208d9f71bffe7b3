package org.jaznet.synth.colour;

/**
 * The hue of each grey-level cluster of a photograph: for the pixels of cluster {@code j} (by nearest
 * grey mean), the mean and standard deviation of their offsets (R - Y, G - Y, B - Y) from their own luma
 * Y = 0.299 R + 0.587 G + 0.114 B. A colour stage adds such offsets to a grey drawn from the cluster,
 * which keeps the grey as the luma: MJSynth's colours from real images, split into the grey the engine
 * has always drawn and a hue on top. Immutable.
 *
 * @param means 3 values per cluster (dR, dG, dB), clusters in the order of their {@link GreyClusters}
 * @param sigmas standard deviations, laid out as {@code means}
 */
public record ChromaClusters(double[] means, double[] sigmas) {
  public static final double WR = 0.299;
  public static final double WG = 0.587;
  public static final double WB = 0.114;

  public ChromaClusters {
    if (means.length == 0 || means.length % 3 != 0 || sigmas.length != means.length) {
      throw new IllegalArgumentException("means and sigmas need 3 values per cluster, got " + means.length + " and "
          + sigmas.length);
    }
    means = means.clone();
    sigmas = sigmas.clone();
  }

  public int k() {
    return means.length / 3;
  }

  public double mean(int cluster, int channel) {
    return means[3 * cluster + channel];
  }

  public double sigma(int cluster, int channel) {
    return sigmas[3 * cluster + channel];
  }

  /**
   * Measures the hues of {@code grey}'s clusters from the same photo in colour.
   *
   * @param grey grey pixels (those the clusters were computed from)
   * @param bgr the same pixels in colour, 3 bytes each in OpenCV's B, G, R order
   */
  public static ChromaClusters of(byte[] grey, byte[] bgr, GreyClusters clusters) {
    if (bgr.length != 3 * grey.length) {
      throw new IllegalArgumentException("bgr has " + bgr.length + " bytes, expected " + 3 * grey.length);
    }
    int k = clusters.k();
    int[] nearest = new int[256];
    for (int v = 0; v < 256; v++) {
      int best = 0;
      for (int j = 1; j < k; j++) {
        if (Math.abs(v - clusters.mean(j)) < Math.abs(v - clusters.mean(best))) {
          best = j;
        }
      }
      nearest[v] = best;
    }
    double[] sum = new double[3 * k];
    double[] sumSq = new double[3 * k];
    long[] n = new long[k];
    for (int i = 0; i < grey.length; i++) {
      int j = nearest[grey[i] & 0xFF];
      double b = bgr[3 * i] & 0xFF;
      double g = bgr[3 * i + 1] & 0xFF;
      double r = bgr[3 * i + 2] & 0xFF;
      double y = WR * r + WG * g + WB * b;
      double[] d = {r - y, g - y, b - y};
      for (int ch = 0; ch < 3; ch++) {
        sum[3 * j + ch] += d[ch];
        sumSq[3 * j + ch] += d[ch] * d[ch];
      }
      n[j]++;
    }
    double[] means = new double[3 * k];
    double[] sigmas = new double[3 * k];
    for (int j = 0; j < k; j++) {
      for (int ch = 0; ch < 3; ch++) {
        if (n[j] > 0) {
          double m = sum[3 * j + ch] / n[j];
          means[3 * j + ch] = m;
          sigmas[3 * j + ch] = Math.sqrt(Math.max(0, sumSq[3 * j + ch] / n[j] - m * m));
        }
      }
    }
    return new ChromaClusters(means, sigmas);
  }
}
