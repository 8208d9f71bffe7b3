package org.jaznet.recognizer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.jaznet.recognizer.head.CtcCodec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossCtcTest {
  static {
    Dl4jSetup.ensure();
  }

  private final LossCtc loss = new LossCtc(CtcCodec.SYMBOLS, CtcCodec.STEPS, CtcCodec.BLANK);
  private final List<String> words = List.of("hello", "ab", "aa", "x".repeat(14));

  private INDArray logits(long seed) {
    Random rnd = new Random(seed);
    double[] x = new double[words.size() * CtcCodec.WIDTH];
    for (int k = 0; k < x.length; k++) {
      x[k] = rnd.nextGaussian() * 2;
    }
    return Nd4j.create(x, new long[] {words.size(), CtcCodec.WIDTH}, DataType.DOUBLE);
  }

  @Test
  void scoreIsTheNegativeForwardLogLikelihoodAndUnalignableLabelsScoreZero() {
    INDArray x = logits(1);
    INDArray y = CtcCodec.INSTANCE.targets(words).castTo(DataType.DOUBLE);
    double[] perExample = loss.computeScoreArray(y, x, new ActivationIdentity(), null).data().asDouble();
    float[] flat = x.castTo(DataType.FLOAT).data().asFloat();
    for (int i = 0; i < words.size(); i++) {
      double ll = CtcCodec.logLikelihood(CtcCodec.logSoftmax(flat, i * CtcCodec.WIDTH), CtcCodec.codes(words.get(i)));
      if (Double.isFinite(ll)) {
        assertThat(perExample[i]).isCloseTo(-ll, within(1e-4));
      } else {
        assertThat(perExample[i]).isZero(); // 14 equal letters need 27 steps
      }
    }
    double sum = perExample[0] + perExample[1] + perExample[2] + perExample[3];
    assertThat(loss.computeScore(y, x, new ActivationIdentity(), null, false)).isCloseTo(sum, within(1e-6));
    assertThat(loss.computeScore(y, x, new ActivationIdentity(), null, true)).isCloseTo(sum / 4, within(1e-6));
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    INDArray x = logits(2);
    INDArray y = CtcCodec.INSTANCE.targets(words).castTo(DataType.DOUBLE);
    INDArray g = loss.computeGradient(y, x, new ActivationIdentity(), null);
    assertThat(g.shape()).isEqualTo(x.shape());
    Random rnd = new Random(3);
    double eps = 1e-3;
    for (int trial = 0; trial < 60; trial++) {
      int i = rnd.nextInt(3); // the three alignable words
      int k = rnd.nextInt(CtcCodec.WIDTH);
      double v = x.getDouble(i, k);
      x.putScalar(new long[] {i, k}, v + eps);
      double up = loss.computeScore(y, x, new ActivationIdentity(), null, false);
      x.putScalar(new long[] {i, k}, v - eps);
      double down = loss.computeScore(y, x, new ActivationIdentity(), null, false);
      x.putScalar(new long[] {i, k}, v);
      double numeric = (up - down) / (2 * eps);
      // the loss reads the logits as floats: allow for that rounding
      assertThat(g.getDouble(i, k)).as("d/dx[%d, %d]", i, k).isCloseTo(numeric, within(2e-3 + 1e-2 * Math.abs(numeric)));
    }
    // the unalignable example gets no gradient; every step's gradient sums to 0 (softmax minus occupancy)
    for (int k = 0; k < CtcCodec.WIDTH; k++) {
      assertThat(g.getDouble(3, k)).isZero();
    }
    for (int t = 0; t < CtcCodec.STEPS; t++) {
      double s = 0;
      for (int c = 0; c < CtcCodec.SYMBOLS; c++) {
        s += g.getDouble(0, c * CtcCodec.STEPS + t);
      }
      assertThat(s).isCloseTo(0, within(1e-5));
    }
  }

  @Test
  void refusesAnotherActivationOrShape() {
    INDArray x = logits(4);
    INDArray y = CtcCodec.INSTANCE.targets(words).castTo(DataType.DOUBLE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> loss.computeScore(y, x,
        new org.nd4j.linalg.activations.impl.ActivationSoftmax(), null, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("identity");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> loss.computeScore(y.get(
        org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 900)),
        x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 900)),
        new ActivationIdentity(), null, true))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("925");
  }
}
