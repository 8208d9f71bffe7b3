package org.jaznet.recognizer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.head.DictCodec;
import org.jaznet.recognizer.head.NgramVocabulary;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

class JazNetTest {
  static final List<String> DICT = List.of("apple", "banana", "cherry", "delta", "echo", "fox", "golf", "hotel");

  static ModelSpec spec(EnumSet<HeadKind> heads, int active) {
    NgramVocabulary v = NgramVocabulary.build(DICT, 50);
    return new ModelSpec(Arch.SMALL, heads, DICT, heads.contains(HeadKind.DICT) ? active : 0,
        heads.contains(HeadKind.NGRAM) ? v.grams() : List.of(), Optimiser.ADAM, 1e-3, 1e-5, 0.5);
  }

  static INDArray input(int n, long seed) {
    return Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(seed), n, 1, 32, 100).subi(0.5);
  }

  @Test
  void output_allHeads_hasHeadShapesAndProbabilities() {
    JazNet net = JazNet.create(spec(EnumSet.allOf(HeadKind.class), 5), 7);
    Map<HeadKind, INDArray> out = net.output(input(3, 1));
    assertThat(out.get(HeadKind.DICT).shape()).containsExactly(3, 5);
    assertThat(out.get(HeadKind.CHAR).shape()).containsExactly(3, 37, 23);
    assertThat(out.get(HeadKind.NGRAM).shape()).containsExactly(3, 50);
    // CTC: raw logits, 37 symbols x 25 steps per image
    assertThat(out.get(HeadKind.CTC).shape()).containsExactly(3, 37 * 25);
    assertThat(out.get(HeadKind.DICT).sum(1).getDouble(0)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
    // softmax over the 37 symbols at each position
    INDArray perPosition = out.get(HeadKind.CHAR).sum(1);
    assertThat(perPosition.minNumber().doubleValue()).isGreaterThan(0.9999);
    assertThat(perPosition.maxNumber().doubleValue()).isLessThan(1.0001);
    assertThat(net.outputOrder()).containsExactly(HeadKind.DICT, HeadKind.CHAR, HeadKind.NGRAM, HeadKind.CTC);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(value = Arch.class, names = {"SMALL", "SMALL_BN", "SMALL_BN_RELU", "SMALL_BN_RELU_SEQ"})
  void inference_batchNormFolded_sameOutputsAsTheTrainingGraph(Arch arch) {
    JazNet net = JazNet.create(bnSpec(arch), 3);
    if (arch != Arch.SMALL) {
      net = withTrainedLikeStatistics(net);
    }
    if (arch.sequenceContext()) {
      // the context projection starts at zero, which would hide a wrong fold or layout of its layers
      INDArray w = net.graph().getLayer("ctc_ctx_logits").getParam("W");
      w.assign(Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(5), w.shape()).subi(0.5).castTo(w.dataType()));
    }
    INDArray x = input(4, 2);
    Map<HeadKind, INDArray> expected = net.output(x);
    for (org.deeplearning4j.nn.conf.CNN2DFormat f : org.deeplearning4j.nn.conf.CNN2DFormat.values()) {
      JazNet.Inference folded = f == org.deeplearning4j.nn.conf.CNN2DFormat.NHWC ? net.inference() : net.inference(f);
      assertThat(folded.format()).isEqualTo(f);
      assertSameOutputs(expected, folded.output(x), f.toString());
    }
  }

  private static void assertSameOutputs(Map<HeadKind, INDArray> expected, Map<HeadKind, INDArray> got, String what) {
    for (HeadKind h : HeadKind.values()) {
      INDArray e = expected.get(h);
      INDArray g = got.get(h);
      assertThat(g.shape()).as("%s %s", what, h).containsExactly(e.shape());
      double scale = Math.max(1e-3, e.amaxNumber().doubleValue());
      assertThat(g.sub(e).amaxNumber().doubleValue() / scale).as("%s %s relative difference", what, h).isLessThan(1e-3);
    }
  }

  @Test
  void smallBn_normalisationHasNoRelu_smallBnReluHasOne_sameParameters() {
    // DL4J ignores the activation a BatchNormalization is configured with: SMALL_BN's normalised maps
    // keep their negative values; SMALL_BN_RELU's ReLU layer after them removes those
    JazNet bn = withTrainedLikeStatistics(JazNet.create(bnSpec(Arch.SMALL_BN), 3));
    JazNet relu = JazNet.create(bnSpec(Arch.SMALL_BN_RELU), 3);
    assertThat(relu.graph().numParams()).isEqualTo(bn.graph().numParams());
    relu.setWeightsFrom(bn);
    Map<String, INDArray> a = bn.graph().feedForward(input(2, 4), false);
    Map<String, INDArray> b = relu.graph().feedForward(input(2, 4), false);
    assertThat(a.get("conv1_bn").minNumber().doubleValue()).isLessThan(0);
    assertThat(b.get("conv1_relu").minNumber().doubleValue()).isEqualTo(0.0);
    assertThat(b.get("ctc_conv2_relu").minNumber().doubleValue()).isEqualTo(0.0);
    // the same weights: SMALL_BN_RELU's first ReLU is exactly the ReLU of SMALL_BN's first normalisation
    INDArray expectedRelu = org.nd4j.linalg.ops.transforms.Transforms.relu(a.get("conv1_bn"), true);
    assertThat(b.get("conv1_relu").sub(expectedRelu).amaxNumber().doubleValue()).isLessThan(1e-5);
    assertThat(b.get("features")).isNotEqualTo(a.get("features"));
    assertThat(Arch.SMALL_BN_RELU.sameParametersAs(Arch.SMALL_BN)).isTrue();
    assertThat(Arch.SMALL_BN_RELU.sameParametersAs(Arch.SMALL)).isFalse();
  }

  @Test
  void sequenceContext_startsFromSmallBnRelu_readingExactlyAsItDid_thenItsOwnLayersCount() {
    JazNet base = withTrainedLikeStatistics(JazNet.create(bnSpec(Arch.SMALL_BN_RELU), 3));
    JazNet seq = JazNet.create(bnSpec(Arch.SMALL_BN_RELU_SEQ), 11);
    assertThat(seq.graph().numParams()).isGreaterThan(base.graph().numParams());
    assertThatThrownBy(() -> seq.setWeightsFrom(base)).isInstanceOf(IllegalArgumentException.class);
    List<String> fresh = seq.startFrom(base);
    assertThat(fresh).containsExactly("ctc_ctx1", "ctc_ctx1_bn", "ctc_ctx2", "ctc_ctx2_bn", "ctc_ctx_logits");
    INDArray x = input(3, 8);
    Map<HeadKind, INDArray> a = base.output(x);
    Map<HeadKind, INDArray> b = seq.output(x);
    for (HeadKind h : HeadKind.values()) {
      assertThat(b.get(h).sub(a.get(h)).amaxNumber().doubleValue()).as("%s", h).isLessThan(1e-5);
    }
    INDArray w = seq.graph().getLayer("ctc_ctx_logits").getParam("W");
    w.assign(Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(5), w.shape()).subi(0.5).castTo(w.dataType()));
    assertThat(seq.output(x).get(HeadKind.CTC).sub(a.get(HeadKind.CTC)).amaxNumber().doubleValue()).isGreaterThan(1e-3);
    assertThat(Arch.SMALL_BN_RELU_SEQ.canStartFrom(Arch.SMALL_BN)).isTrue();
    assertThat(Arch.SMALL_BN_RELU_SEQ.canStartFrom(Arch.SMALL)).isFalse();
    assertThat(Arch.SMALL_BN_RELU.canStartFrom(Arch.SMALL_BN_RELU_SEQ)).isFalse();
    assertThatThrownBy(() -> base.startFrom(seq)).isInstanceOf(IllegalArgumentException.class);
    assertThat(JazNet.forwardFlopsPerImage(bnSpec(Arch.SMALL_BN_RELU_SEQ)))
        .isGreaterThan(JazNet.forwardFlopsPerImage(bnSpec(Arch.SMALL_BN_RELU)));
  }

  @Test
  void startFrom_lowerToPrint_widensTheCtcHeadAndFoldsBackToTheOldLattice() {
    JazNet lower = withTrainedLikeStatistics(JazNet.create(bnSpec(Arch.SMALL_BN_RELU_SEQ), 11));
    // a trained-like context projection, so that both widened output layers matter
    INDArray cw = lower.graph().getLayer("ctc_ctx_logits").getParam("W");
    cw.assign(Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(5), cw.shape()).subi(0.5).muli(0.2).castTo(cw.dataType()));
    JazNet print = JazNet.create(bnSpec(Arch.SMALL_BN_RELU_SEQ).withSymbols(org.jaznet.recognizer.head.SymbolSet.PRINT), 12);
    assertThat(print.startFrom(lower)).isEmpty();
    INDArray x = input(2, 8);
    INDArray a = lower.output(x).get(HeadKind.CTC);
    INDArray b = print.output(x).get(HeadKind.CTC);
    assertThat(b.shape()).containsExactly(2, 87 * 25);
    org.jaznet.recognizer.head.CtcCodec codec = org.jaznet.recognizer.head.CtcCodec.of(org.jaznet.recognizer.head.SymbolSet.PRINT);
    for (int i = 0; i < 2; i++) {
      double[] old = org.jaznet.recognizer.head.CtcCodec.logSoftmax(a.dup('c').data().asFloat(), i * 925);
      double[] folded = codec.fold(codec.fullLogSoftmax(b.dup('c').data().asFloat(), i * 87 * 25));
      for (int k = 0; k < old.length; k++) {
        // the 25 punctuation marks start 8 logits below the blank: together under 1 % of its probability
        assertThat(Math.abs(Math.exp(folded[k]) - Math.exp(old[k]))).as("entry %d", k).isLessThan(0.02);
      }
      assertThat(org.jaznet.recognizer.head.CtcCodec.decode(folded))
          .isEqualTo(org.jaznet.recognizer.head.CtcCodec.decode(old));
    }
  }

  private static ModelSpec bnSpec(Arch arch) {
    NgramVocabulary v = NgramVocabulary.build(DICT, 50);
    return new ModelSpec(arch, EnumSet.allOf(HeadKind.class), DICT, 5, v.grams(), Optimiser.ADAM, 1e-3, 0, 0);
  }

  /**
   * A fresh net's normalisations are mean 0, std 1, gamma 1, beta 0 (folding them would change
   * nothing): sets them as training leaves them, different per channel.
   */
  private static JazNet withTrainedLikeStatistics(JazNet net) {
    org.nd4j.linalg.api.rng.Random rnd = Nd4j.getRandomFactory().getNewRandomInstance(9);
    int bnLayers = 0;
    for (org.deeplearning4j.nn.api.Layer l : net.graph().getLayers()) {
      if (l.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.BatchNormalization) {
        bnLayers++;
        for (Map.Entry<String, INDArray> p : l.paramTable().entrySet()) {
          INDArray r = Nd4j.rand(rnd, p.getValue().shape()).castTo(p.getValue().dataType());
          switch (p.getKey()) {
            case "gamma" -> p.getValue().assign(r.muli(1.5).addi(0.25));
            case "beta", "mean" -> p.getValue().assign(r.subi(0.5));
            default -> p.getValue().assign(r.subi(0.5)); // log10 of the std: 0.3 .. 3
          }
        }
      }
    }
    // four in the trunk, two in the CTC branch (and two context convolutions in SMALL_BN_RELU_SEQ)
    assertThat(bnLayers).isEqualTo(net.spec().arch().sequenceContext() ? 8 : 6);
    return net;
  }

  @Test
  void create_sameSeed_sameParams() {
    ModelSpec s = spec(EnumSet.of(HeadKind.CHAR), 0);
    assertThat(JazNet.create(s, 3).graph().params()).isEqualTo(JazNet.create(s, 3).graph().params());
    assertThat(JazNet.create(s, 3).graph().params()).isNotEqualTo(JazNet.create(s, 4).graph().params());
  }

  @Test
  void output_wrongInputShape_throwsNamingShape() {
    JazNet net = JazNet.create(spec(EnumSet.of(HeadKind.CHAR), 0), 1);
    assertThatThrownBy(() -> net.output(Nd4j.zeros(2, 1, 32, 99)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 1, 32, 99]");
  }

  @Test
  void growDict_afterTraining_oldLogitsBitExact() {
    JazNet net = JazNet.create(spec(EnumSet.of(HeadKind.DICT, HeadKind.CHAR), 4), 11);
    List<String> words = List.of("apple", "banana", "cherry", "delta");
    fit(net, words, 2);
    INDArray x = input(4, 5);
    INDArray oldLogits = logits(net, x);
    JazNet grown = net.growDict(8);
    assertThat(grown.spec().dictActive()).isEqualTo(8);
    INDArray newLogits = logits(grown, x);
    assertThat(newLogits.shape()).containsExactly(4, 8);
    float[] o = oldLogits.data().asFloat();
    float[] n = newLogits.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
        org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4)).dup().data().asFloat();
    assertThat(n).containsExactly(o);
    // the real graph's probabilities keep the old classes' ratios
    INDArray po = net.output(x).get(HeadKind.DICT);
    INDArray pn = grown.output(x).get(HeadKind.DICT);
    double ratioOld = po.getDouble(0, 1) / po.getDouble(0, 0);
    double ratioNew = pn.getDouble(0, 1) / pn.getDouble(0, 0);
    assertThat(ratioNew).isCloseTo(ratioOld, org.assertj.core.api.Assertions.withinPercentage(0.01));
    // CHAR is untouched
    assertThat(grown.output(x).get(HeadKind.CHAR)).isEqualTo(net.output(x).get(HeadKind.CHAR));
    fit(grown, List.of("echo", "fox", "golf", "hotel"), 1);
  }

  @Test
  void growDict_notBigger_throws() {
    JazNet net = JazNet.create(spec(EnumSet.of(HeadKind.DICT), 4), 1);
    assertThatThrownBy(() -> net.growDict(4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 4");
    assertThatThrownBy(() -> net.growDict(9)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 9");
  }

  @Test
  void fit_oneStep_convolutionUsesOneDnnHelper() {
    JazNet net = JazNet.create(spec(EnumSet.of(HeadKind.CHAR), 0), 1);
    fit(net, List.of("apple", "fox"), 1);
    ConvolutionLayer conv = (ConvolutionLayer) net.graph().getLayer("conv2");
    assertThat(conv.getHelper()).isNotNull();
    assertThat(conv.getHelper().getClass().getSimpleName()).isEqualTo("MKLDNNConvHelper");
  }

  @Test
  void forwardFlops_small_matchesLayerArithmetic() {
    ModelSpec s = spec(EnumSet.of(HeadKind.CHAR), 0);
    long conv = 2L * (32 * 100 * 32 * 9 + 16 * 50 * 64 * 9 * 32 + 8 * 25 * 128 * 9 * 64 + 8 * 25 * 128 * 9 * 128);
    long dense = 2L * 128 * 4 * 13 * 512 + 2L * 512 * 851;
    assertThat(JazNet.forwardFlopsPerImage(s)).isEqualTo(conv + dense);
    assertThat(JazNet.create(s, 1).graph().getLayer(JazNet.FEATURES).getParam("W").shape())
        .containsExactly(128 * 4 * 13, 512);
  }

  @Test
  void numParams_paper_matchesReleasedVggLayers() {
    ModelSpec paper = new ModelSpec(Arch.PAPER, EnumSet.of(HeadKind.CHAR), List.of(), 0, List.of(),
        Optimiser.SGD_MOMENTUM, 0.01, 5e-4, 0.5);
    long convs = (25 * 64 + 64) + (25 * 64 * 128 + 128) + (9 * 128 * 256 + 256) + (9 * 256 * 512 + 512)
        + (9 * 512 * 512 + 512);
    // after three poolings and the one-column pad: [512, 4, 13]
    long fcs = (512L * 4 * 13 * 4096 + 4096) + (4096L * 4096 + 4096);
    long charHead = 4096L * 851 + 851;
    assertThat(JazNet.numParams(paper)).isEqualTo(convs + fcs + charHead);
    assertThat(JazNet.forwardFlopsPerImage(paper)).isGreaterThan(1_000_000_000L);
  }

  /** DICT logits (pre-softmax) from the trunk features and the output layer's parameters, in doubles. */
  static INDArray logits(JazNet net, INDArray x) {
    INDArray f = net.graph().feedForward(x, false).get(JazNet.FEATURES);
    INDArray w = net.graph().getLayer("dict").getParam("W");
    INDArray b = net.graph().getLayer("dict").getParam("b");
    float[][] out = new float[(int) f.size(0)][(int) w.size(1)];
    for (int i = 0; i < out.length; i++) {
      for (int c = 0; c < out[i].length; c++) {
        float s = b.getFloat(0, c);
        for (int k = 0; k < f.size(1); k++) {
          s += f.getFloat(i, k) * w.getFloat(k, c);
        }
        out[i][c] = s;
      }
    }
    return Nd4j.create(out);
  }

  static void fit(JazNet net, List<String> words, int steps) {
    ModelSpec s = net.spec();
    INDArray x = input(words.size(), 9);
    INDArray[] labels = new INDArray[net.outputOrder().size()];
    INDArray[] masks = new INDArray[labels.length];
    for (int i = 0; i < labels.length; i++) {
      switch (net.outputOrder().get(i)) {
        case DICT -> {
          DictCodec c = new DictCodec(s.dictionary(), s.dictActive());
          labels[i] = c.targets(words);
          masks[i] = c.labelMask(words);
        }
        case CHAR -> labels[i] = CharCodec.INSTANCE.targets(words);
        case NGRAM -> labels[i] = new NgramVocabulary(s.ngrams()).targets(words);
        case CTC -> labels[i] = org.jaznet.recognizer.head.CtcCodec.INSTANCE.targets(words);
      }
    }
    MultiDataSet ds = new MultiDataSet(new INDArray[] {x}, labels, null, masks);
    for (int k = 0; k < steps; k++) {
      net.graph().fit(ds);
    }
  }
}
