package org.jaznet.recognizer.head;

import java.util.List;

/**
 * Fits the {@link Calibration} of the fused reading: a multinomial logit over each image's candidate
 * words plus a "none of these" option, with features (DICT, CHAR, NGRAM, CTC log-scores). The negative
 * log-likelihood is convex in the eight parameters (the four weights, the "none" bias, and DICT's, CHAR's
 * and CTC's weights for short words), so damped Newton steps find the optimum.
 */
public final class Fusion {
  private static final int D = 8;
  /** Parameter index of each feature (DICT, CHAR, NGRAM, CTC) for a short candidate; NGRAM's is shared. */
  private static final int[] SHORT_SLOT = {5, 6, 2, 7};
  /** The long-word parameter each short-word one is pulled towards by the ridge. */
  private static final int[][] PAIRS = {{5, 0}, {6, 1}, {7, 3}};
  private static final double RIDGE = 1e-4;

  private Fusion() {}

  /**
   * One held-out image: its candidates' log-score features [candidates][4] (DICT, CHAR, NGRAM, CTC; 0 for
   * absent heads), the index of the right candidate, or -1 when none is right, and each candidate's length in
   * characters (which of DICT's two weights applies).
   */
  public record Example(double[][] features, int correct, int[] lengths) {
    /** Candidates all longer than {@link Calibration#SHORT_WORD} characters. */
    public Example(double[][] features, int correct) {
      this(features, correct, longWords(features.length));
    }

    public Example {
      if (lengths.length != features.length) {
        throw new IllegalArgumentException(features.length + " candidates but " + lengths.length + " lengths");
      }
      if (correct < -1 || correct >= features.length) {
        throw new IllegalArgumentException("correct must be in [-1, " + features.length + "), got " + correct);
      }
    }
  }

  private static int[] longWords(int n) {
    int[] l = new int[n];
    java.util.Arrays.fill(l, Calibration.SHORT_WORD + 1);
    return l;
  }

  /** Maximum-likelihood calibration on the examples (at least one). */
  public static Calibration fit(List<Example> examples) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("calibration needs at least one example");
    }
    Calibration start = Calibration.DEFAULT;
    double[] theta = {start.dictWeight(), start.charWeight(), start.ngramWeight(), start.ctcWeight(), start.otherBias(),
        start.shortDictWeight(), start.shortCharWeight(), start.shortCtcWeight()};
    double loss = loss(examples, theta, null, null);
    for (int iter = 0; iter < 100; iter++) {
      double[] grad = new double[D];
      double[][] hess = new double[D][D];
      loss(examples, theta, grad, hess);
      double r = RIDGE * examples.size();
      for (int i = 0; i < 5; i++) {
        hess[i][i] += r;
        grad[i] += r * theta[i];
      }
      // a short-word weight is pulled towards its head's weight, not towards 0: without short candidates it
      // ends equal to it (one weight per head, as model files before it had)
      for (int[] p : PAIRS) {
        int a = p[0];
        int b = p[1];
        double d = theta[a] - theta[b];
        grad[a] += r * d;
        grad[b] -= r * d;
        hess[a][a] += r;
        hess[b][b] += r;
        hess[a][b] -= r;
        hess[b][a] -= r;
      }
      double[] step = solve(hess, grad);
      double t = 1;
      double[] next = new double[D];
      double nextLoss;
      do {
        for (int i = 0; i < D; i++) {
          next[i] = theta[i] - t * step[i];
        }
        nextLoss = loss(examples, next, null, null);
        t /= 2;
      } while (!(nextLoss <= loss) && t > 1e-6);
      if (!(nextLoss <= loss)) {
        break;
      }
      boolean done = loss - nextLoss < 1e-9 * Math.max(1, Math.abs(loss));
      System.arraycopy(next, 0, theta, 0, D);
      loss = nextLoss;
      if (done) {
        break;
      }
    }
    return new Calibration(theta[0], theta[1], theta[2], theta[3], theta[4], examples.size(), theta[5], theta[6],
        theta[7]);
  }

  /**
   * NLL plus ridge (on the five parameters, and on each short-word weight's difference from its head's weight);
   * fills the NLL's gradient and Hessian (sums) when given.
   */
  private static double loss(List<Example> examples, double[] theta, double[] grad, double[] hess[]) {
    double total = 0;
    for (Example e : examples) {
      int c = e.features().length;
      double[] z = new double[c + 1];
      z[0] = theta[4];
      double max = z[0];
      for (int j = 0; j < c; j++) {
        double[] f = feature(e, j + 1);
        double v = 0;
        for (int a = 0; a < D; a++) {
          v += theta[a] * f[a];
        }
        z[j + 1] = v;
        max = Math.max(max, z[j + 1]);
      }
      double sum = 0;
      for (double v : z) {
        sum += Math.exp(v - max);
      }
      double logZ = max + Math.log(sum);
      total += logZ - z[e.correct() + 1];
      if (grad != null) {
        double[] mean = new double[D];
        double[][] second = new double[D][D];
        for (int j = 0; j <= c; j++) {
          double p = Math.exp(z[j] - logZ);
          double[] f = feature(e, j);
          for (int a = 0; a < D; a++) {
            mean[a] += p * f[a];
            for (int b = 0; b < D; b++) {
              second[a][b] += p * f[a] * f[b];
            }
          }
        }
        double[] y = feature(e, e.correct() + 1);
        for (int a = 0; a < D; a++) {
          grad[a] += mean[a] - y[a];
          for (int b = 0; b < D; b++) {
            hess[a][b] += second[a][b] - mean[a] * mean[b];
          }
        }
      }
    }
    double ridge = 0;
    for (int i = 0; i < 5; i++) {
      ridge += theta[i] * theta[i];
    }
    for (int[] p : PAIRS) {
      ridge += (theta[p[0]] - theta[p[1]]) * (theta[p[0]] - theta[p[1]]);
    }
    return total + 0.5 * RIDGE * examples.size() * ridge;
  }

  /** Feature vector of option j: 0 is "none of these" (bias only), j &gt; 0 is candidate j - 1. */
  private static double[] feature(Example e, int j) {
    double[] out = new double[D];
    if (j == 0) {
      out[4] = 1;
      return out;
    }
    double[] f = e.features()[j - 1];
    boolean shortWord = e.lengths()[j - 1] <= Calibration.SHORT_WORD;
    for (int h = 0; h < 4; h++) {
      out[shortWord ? SHORT_SLOT[h] : h] = f[h];
    }
    return out;
  }

  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(m[r][col]) > Math.abs(m[piv][col])) {
          piv = r;
        }
      }
      double[] tmp = m[col];
      m[col] = m[piv];
      m[piv] = tmp;
      double d = m[col][col];
      if (Math.abs(d) < 1e-300) {
        continue;
      }
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double f = m[r][col] / d;
          for (int k = col; k <= n; k++) {
            m[r][k] -= f * m[col][k];
          }
        }
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.abs(m[i][i]) < 1e-300 ? 0 : m[i][n] / m[i][i];
    }
    return x;
  }
}
