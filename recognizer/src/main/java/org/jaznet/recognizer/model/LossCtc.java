package org.jaznet.recognizer.model;

import org.nd4j.shade.jackson.annotation.JsonProperty;
import java.util.Arrays;
import org.jaznet.recognizer.head.CtcCodec;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Connectionist temporal classification loss (Graves et al. 2006) over flat rows of logits
 * [N, symbols * steps] ('c' layout symbol * steps + step), as a DL4J loss function.
 *
 * <p>Labels have the same shape: a one-hot symbol per step, the label sequence at steps 0..L-1 and
 * blank after it (see {@code CtcCodec}). Score: -log p(label | x) per example, from the forward
 * algorithm in log space; gradient with respect to the logits: softmax - state occupancy (forward-backward).
 * An example whose label cannot be aligned in the steps scores 0 and gets no gradient. The activation
 * must be the identity (the log-softmax is part of the loss). Runs in Java: N x steps x (2L + 1) states is
 * tiny beside the convolutions.
 */
public final class LossCtc implements ILossFunction {
  private static final long serialVersionUID = 1L;

  @JsonProperty private int symbols;
  @JsonProperty private int steps;
  @JsonProperty private int blank;

  /** For DL4J's JSON configuration round trip. */
  public LossCtc() {
    this(37, 25, 36);
  }

  public LossCtc(int symbols, int steps, int blank) {
    if (symbols < 2 || steps < 1 || blank < 0 || blank >= symbols) {
      throw new IllegalArgumentException("bad CTC shape: symbols " + symbols + ", steps " + steps + ", blank " + blank);
    }
    this.symbols = symbols;
    this.steps = steps;
    this.blank = blank;
  }

  @Override
  public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
      boolean average) {
    double[] s = run(labels, preOutput, activationFn, mask, null);
    double sum = 0;
    for (double v : s) {
      sum += v;
    }
    return average ? sum / s.length : sum;
  }

  @Override
  public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    double[] s = run(labels, preOutput, activationFn, mask, null);
    return Nd4j.create(s, new long[] {s.length, 1}, DataType.DOUBLE).castTo(preOutput.dataType());
  }

  @Override
  public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
    float[] grad = new float[(int) preOutput.length()];
    run(labels, preOutput, activationFn, mask, grad);
    return Nd4j.create(grad, preOutput.shape(), 'c').castTo(preOutput.dataType());
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
      INDArray mask, boolean average) {
    float[] grad = new float[(int) preOutput.length()];
    double[] s = run(labels, preOutput, activationFn, mask, grad);
    double sum = 0;
    for (double v : s) {
      sum += v;
    }
    return new Pair<>(average ? sum / s.length : sum,
        Nd4j.create(grad, preOutput.shape(), 'c').castTo(preOutput.dataType()));
  }

  @Override
  public String name() {
    return "LossCtc";
  }

  @Override
  public String toString() {
    return "LossCtc(symbols=" + symbols + ", steps=" + steps + ", blank=" + blank + ")";
  }

  /** Per-example losses; fills {@code grad} (same layout as preOutput) when it is not null. */
  private double[] run(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, float[] grad) {
    if (!(activationFn instanceof ActivationIdentity)) {
      throw new IllegalArgumentException("LossCtc needs the identity activation, got " + activationFn);
    }
    long width = (long) symbols * steps;
    if (preOutput.rank() != 2 || preOutput.size(1) != width || !Arrays.equals(labels.shape(), preOutput.shape())) {
      throw new IllegalArgumentException("LossCtc expects logits and labels [N, " + width + "], got "
          + Arrays.toString(preOutput.shape()) + " and " + Arrays.toString(labels.shape()));
    }
    int n = (int) preOutput.size(0);
    float[] x = preOutput.dup('c').data().asFloat();
    float[] y = labels.dup('c').data().asFloat();
    float[] m = mask == null ? null : mask.dup('c').data().asFloat();
    double[] out = new double[n];
    double[] lp = new double[steps * symbols];
    int[] label = new int[steps];
    for (int i = 0; i < n; i++) {
      double weight = m == null ? 1 : m[m.length == n ? i : i * (m.length / n)];
      if (weight == 0) {
        continue;
      }
      int off = i * (int) width;
      logSoftmax(x, off, lp);
      int len = readLabel(y, off, label);
      out[i] = weight * example(lp, label, len, grad, off, weight);
    }
    return out;
  }

  private void logSoftmax(float[] x, int off, double[] lp) {
    CtcCodec.logSoftmax(x, off, symbols, steps, lp);
  }


  /** The label's symbols up to the first blank step; returns its length. */
  private int readLabel(float[] y, int off, int[] label) {
    int len = 0;
    for (int t = 0; t < steps; t++) {
      int best = 0;
      for (int c = 1; c < symbols; c++) {
        if (y[off + c * steps + t] > y[off + best * steps + t]) {
          best = c;
        }
      }
      if (best == blank) {
        break;
      }
      label[len++] = best;
    }
    return len;
  }

  /** -log p(label) of one example; adds weight * dLoss/dlogits into grad. */
  private double example(double[] lp, int[] label, int len, float[] grad, int off, double weight) {
    int s = 2 * len + 1;
    int[] ext = new int[s];
    for (int k = 0; k < s; k++) {
      ext[k] = (k & 1) == 0 ? blank : label[k >> 1];
    }
    double[][] alpha = new double[steps][s];
    double[][] beta = new double[steps][s];
    for (double[] row : alpha) {
      Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    for (double[] row : beta) {
      Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    alpha[0][0] = lp[ext[0]];
    if (s > 1) {
      alpha[0][1] = lp[ext[1]];
    }
    for (int t = 1; t < steps; t++) {
      for (int k = 0; k < s; k++) {
        double a = alpha[t - 1][k];
        if (k >= 1) {
          a = logAdd(a, alpha[t - 1][k - 1]);
        }
        if (k >= 2 && ext[k] != blank && ext[k] != ext[k - 2]) {
          a = logAdd(a, alpha[t - 1][k - 2]);
        }
        alpha[t][k] = a + lp[t * symbols + ext[k]];
      }
    }
    int last = steps - 1;
    beta[last][s - 1] = lp[last * symbols + ext[s - 1]];
    if (s > 1) {
      beta[last][s - 2] = lp[last * symbols + ext[s - 2]];
    }
    for (int t = last - 1; t >= 0; t--) {
      for (int k = 0; k < s; k++) {
        double b = beta[t + 1][k];
        if (k + 1 < s) {
          b = logAdd(b, beta[t + 1][k + 1]);
        }
        if (k + 2 < s && ext[k] != blank && ext[k] != ext[k + 2]) {
          b = logAdd(b, beta[t + 1][k + 2]);
        }
        beta[t][k] = b + lp[t * symbols + ext[k]];
      }
    }
    double logP = s > 1 ? logAdd(alpha[last][s - 1], alpha[last][s - 2]) : alpha[last][0];
    if (logP == Double.NEGATIVE_INFINITY || Double.isNaN(logP)) {
      return 0; // the label does not fit in the steps: no alignment, no gradient
    }
    if (grad != null) {
      double[] occupancy = new double[symbols];
      for (int t = 0; t < steps; t++) {
        Arrays.fill(occupancy, 0);
        for (int k = 0; k < s; k++) {
          double g = alpha[t][k] + beta[t][k] - lp[t * symbols + ext[k]] - logP;
          if (g > -60) {
            occupancy[ext[k]] += Math.exp(g);
          }
        }
        for (int c = 0; c < symbols; c++) {
          grad[off + c * steps + t] += (float) (weight * (Math.exp(lp[t * symbols + c]) - occupancy[c]));
        }
      }
    }
    return -logP;
  }

  private static double logAdd(double a, double b) {
    return CtcCodec.logAdd(a, b);
  }
}
