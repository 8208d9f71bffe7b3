package org.jaznet.recognizer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnLossLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.head.CtcCodec;
import org.jaznet.recognizer.head.SymbolSet;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/**
 * The DL4J graph configuration a {@link ModelSpec} builds (the graph is always built in code, never read from a
 * file): the trunk of its {@link Arch} ({@link TrunkLayer#of}), the CTC branch on the trunk's [C, 8, 25] maps (with
 * the sequence-context layers of {@link Arch#SMALL_BN_RELU_SEQ}), and the dense heads on {@value JazNet#FEATURES}.
 * For training, convolution + batch normalisation pairs in NCHW; for inference ({@link BnFolding}), each pair as one
 * convolution, in NHWC or NCHW.
 */
final class GraphConfig {
  static final String CHAR_LOGITS = "char_logits";
  static final String CHAR_SEQUENCE = "char_seq";

  private GraphConfig() {}

  /** Parameter count of the graph a spec builds, without allocating it. */
  static long numParams(ModelSpec spec) {
    long n = 0;
    for (org.deeplearning4j.nn.conf.graph.GraphVertex v : configuration(spec, 0).getVertices().values()) {
      n += v.numParams(true);
    }
    return n;
  }

  /** Weight of each NGRAM output's binary cross-entropy in the joint loss. */
  static final double NGRAM_LOSS_WEIGHT = 0.05;

  /** The training graph of a spec: NCHW, every batch normalisation a layer of its own. */
  static ComputationGraphConfiguration configuration(ModelSpec spec, long seed) {
    return configuration(spec, seed, false, CNN2DFormat.NCHW);
  }

  /**
   * The graph of a spec; with {@code foldBn} every convolution + batch normalisation pair is one
   * convolution with a bias and the ReLU (the layout {@link JazNet#inference()} fills with folded weights).
   * {@code format} is the feature maps' layout: NCHW for training (the layout models are saved in), NHWC
   * for the inference graph (only with {@code foldBn}).
   */
  static ComputationGraphConfiguration configuration(ModelSpec spec, long seed, boolean foldBn,
      CNN2DFormat format) {
    if (format == CNN2DFormat.NHWC && !foldBn) {
      throw new IllegalArgumentException("the NHWC layout is for the folded inference graph only");
    }
    IUpdater updater = switch (spec.optimiser()) {
      case ADAM -> new Adam(spec.learningRate());
      case SGD_MOMENTUM -> new Nesterovs(spec.learningRate(), 0.9);
    };
    // DL4J's dropOut(x) takes the probability of RETAINING a unit.
    double retain = 1.0 - spec.dropout();
    ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .updater(updater)
        .l2(spec.l2())
        .weightInit(WeightInit.RELU)
        .convolutionMode(ConvolutionMode.Same)
        .graphBuilder()
        .addInputs(JazNet.INPUT)
        .setInputTypes(InputType.convolutional(Preprocessor.HEIGHT, Preprocessor.WIDTH, 1, format));
    String previous = JazNet.INPUT;
    List<TrunkLayer> layers = TrunkLayer.of(spec.arch());
    int tap = TrunkLayer.ctcTap(layers);
    boolean denseHeads = spec.heads().stream().anyMatch(h -> h != HeadKind.CTC);
    String ctcInput = null;
    for (int li = 0; li < layers.size(); li++) {
      TrunkLayer t = layers.get(li);
      if (li > tap && !denseHeads) {
        break; // only the CTC head: the layers after its tap would feed nothing
      }
      switch (t.kind()) {
        case CONV -> b.addLayer(t.name(), new ConvolutionLayer.Builder(t.kernel(), t.kernel()).dataFormat(format)
            .nOut(t.outputs()).activation(Activation.RELU).build(), previous);
        case CONV_BN -> {
          previous = convBn(b, t.name(), new ConvolutionLayer.Builder(t.kernel(), t.kernel()).dataFormat(format)
              .nOut(t.outputs()),
              previous, foldBn, spec.arch().reluAfterBn());
          if (li == tap) {
            ctcInput = previous;
          }
          continue;
        }
        case POOL -> b.addLayer(t.name(), new SubsamplingLayer.Builder(PoolingType.MAX).dataFormat(format)
            .kernelSize(2, 2).stride(2, 2).build(), previous);
        // [N, C, 8, 25] -> [N, C, 8, 26]: the released models pad one column before the last pooling.
        case PAD_RIGHT -> b.addLayer(t.name(), new ZeroPaddingLayer.Builder(0, 0, 0, 1).dataFormat(format).build(),
            previous);
        case DENSE -> {
          DenseLayer.Builder d = new DenseLayer.Builder().nOut(t.outputs()).activation(Activation.RELU);
          if (t.dropoutBefore() && retain < 1) {
            d.dropOut(retain);
          }
          b.addLayer(t.name(), d.build(), previous);
        }
      }
      previous = t.name();
      if (li == tap) {
        ctcInput = previous;
      }
    }
    if (spec.has(HeadKind.CTC)) {
      addCtcBranch(b, ctcInput, foldBn, spec.arch().reluAfterBn(), spec.arch().sequenceContext(), format,
          spec.symbols());
    }
    int features = spec.arch().featureSize();
    for (HeadKind head : outputOrder(spec)) {
      switch (head) {
        case DICT -> {
          OutputLayer.Builder o = new OutputLayer.Builder(LossFunction.MCXENT)
              .nIn(features).nOut(spec.dictActive()).activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER);
          if (retain < 1) {
            o.dropOut(retain);
          }
          b.addLayer(JazNet.outputName(HeadKind.DICT), o.build(), JazNet.FEATURES);
        }
        case CHAR -> {
          // One dense output of 23 x symbols logits (1.5x faster than 23 output layers, measured), unit
          // s * 23 + p holding symbol s at position p; symbols = 37 (LOWER) or 87 (PRINT).
          CharCodec chars = CharCodec.of(spec.charSymbols());
          DenseLayer.Builder d = new DenseLayer.Builder()
              .nIn(features).nOut(chars.width())
              .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER);
          if (retain < 1) {
            d.dropOut(retain);
          }
          b.addLayer(CHAR_LOGITS, d.build(), JazNet.FEATURES);
          // [N, 851] -> [N, 37, 23] ('c' order; PRINT: [N, 2001] -> [N, 87, 23]): softmax over the symbols at
          // each of 23 positions.
          b.addVertex(CHAR_SEQUENCE,
              new ReshapeVertex('c', new int[] {-1, chars.symbols(), CharCodec.POSITIONS}, null), CHAR_LOGITS);
          b.addLayer(JazNet.outputName(HeadKind.CHAR), new RnnLossLayer.Builder(LossFunction.MCXENT)
              .activation(Activation.SOFTMAX).dataFormat(RNNFormat.NCW).build(), CHAR_SEQUENCE);
        }
        case CTC -> { } // added above, on the convolutional features
        case NGRAM -> {
          // The NGRAM loss sums ~10k binary terms; at full weight its gradient swamps the trunk and
          // CHAR/DICT stall (measured on 50 words: CHAR 0 % / DICT 4 % at step 100 with it, 4 % / 37 %
          // without). Adam makes the head's own updates scale-free, so the weight only sets its share
          // of the trunk's gradient.
          OutputLayer.Builder o = new OutputLayer.Builder()
              .lossFunction(new LossBinaryXENT(Nd4j.valueArrayOf(new long[] {1, spec.ngrams().size()}, NGRAM_LOSS_WEIGHT).castTo(DataType.FLOAT)))
              .nIn(features).nOut(spec.ngrams().size()).activation(Activation.SIGMOID).weightInit(WeightInit.XAVIER);
          if (retain < 1) {
            o.dropOut(retain);
          }
          b.addLayer(JazNet.outputName(HeadKind.NGRAM), o.build(), JazNet.FEATURES);
        }
      }
    }
    b.setOutputs(outputOrder(spec).stream().map(JazNet::outputName).toArray(String[]::new));
    return b.build();
  }

  /**
   * The layers {@link Arch#SMALL_BN_RELU_SEQ} adds to the CTC branch (each convolution also has its {@code _bn}
   * and {@code _relu}): the two 1x5 convolutions and the projection to logits.
   */
  static final List<String> CONTEXT_LAYERS = List.of("ctc_ctx1", "ctc_ctx2", "ctc_ctx_logits");

  /** Width (in CTC steps) and channels of the sequence-context convolutions. */
  static final int CONTEXT_KERNEL = 5;
  static final int CONTEXT_CHANNELS = 128;

  /** Channels of the CTC branch's convolutions. */
  static final int CTC_CHANNELS = 256;

  /**
   * The CTC head: [C, 8, 25] -> max-pool 2x1 -> conv3x3-256 + BN -> max-pool 2x1 -> conv 2x3 (valid in
   * height) 256 + BN -> [256, 1, 25] -> 1x1 conv to 37 logits per column -> flattened [N, 925]
   * (symbol * 25 + step) -> CTC loss.
   */
  private static void addCtcBranch(ComputationGraphConfiguration.GraphBuilder b, String input, boolean foldBn,
      boolean relu, boolean context, CNN2DFormat format, SymbolSet symbols) {
    b.addLayer("ctc_pool1", new SubsamplingLayer.Builder(PoolingType.MAX).dataFormat(format).kernelSize(2, 1)
        .stride(2, 1).build(), input);
    String conv1 = convBn(b, "ctc_conv1", new ConvolutionLayer.Builder(3, 3).dataFormat(format).nOut(CTC_CHANNELS),
        "ctc_pool1", foldBn, relu);
    b.addLayer("ctc_pool2", new SubsamplingLayer.Builder(PoolingType.MAX).dataFormat(format).kernelSize(2, 1)
        .stride(2, 1).build(), conv1);
    String conv2 = convBn(b, "ctc_conv2", new ConvolutionLayer.Builder(2, 3).dataFormat(format).nOut(CTC_CHANNELS)
        .padding(0, 1).convolutionMode(ConvolutionMode.Truncate), "ctc_pool2", foldBn, relu);
    b.addLayer("ctc_logits", new ConvolutionLayer.Builder(1, 1).dataFormat(format).nOut(symbols.classes())
        .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER).build(), conv2);
    String logits = "ctc_logits";
    if (context) {
      // [256, 1, 25] -> 1x5 -> 1x5 (128 channels, same length) -> 1x1 to 37, zero at the start, added
      String ctx1 = convBn(b, CONTEXT_LAYERS.get(0), new ConvolutionLayer.Builder(1, CONTEXT_KERNEL)
          .dataFormat(format).nOut(CONTEXT_CHANNELS), conv2, foldBn, relu);
      String ctx2 = convBn(b, CONTEXT_LAYERS.get(1), new ConvolutionLayer.Builder(1, CONTEXT_KERNEL)
          .dataFormat(format).nOut(CONTEXT_CHANNELS), ctx1, foldBn, relu);
      b.addLayer(CONTEXT_LAYERS.get(2), new ConvolutionLayer.Builder(1, 1).dataFormat(format).nOut(symbols.classes())
          .activation(Activation.IDENTITY).weightInit(WeightInit.ZERO).build(), ctx2);
      b.addVertex("ctc_sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), "ctc_logits", CONTEXT_LAYERS.get(2));
      logits = "ctc_sum";
    }
    b.addLayer(JazNet.outputName(HeadKind.CTC), new LossLayer.Builder(new LossCtc(symbols.classes(), CtcCodec.STEPS,
        symbols.blank())).activation(Activation.IDENTITY).build(), logits);
  }

  /**
   * Adds a convolution without bias and a batch normalisation after it (layer {@code name + "_bn"}),
   * then, with {@code relu}, a ReLU layer ({@code name + "_relu"}); folded, one convolution with bias
   * (and the ReLU as its activation). Returns the name of the layer to read. The normalisation is
   * configured with a ReLU as the models before SMALL_BN_RELU were; DL4J ignores it (see {@link
   * Arch#SMALL_BN}), which is why the ReLU needs a layer of its own.
   */
  private static String convBn(ComputationGraphConfiguration.GraphBuilder b, String name,
      ConvolutionLayer.Builder conv, String input, boolean foldBn, boolean relu) {
    if (foldBn) {
      b.addLayer(name, conv.activation(relu ? Activation.RELU : Activation.IDENTITY).build(), input);
      return name;
    }
    b.addLayer(name, conv.activation(Activation.IDENTITY).hasBias(false).build(), input);
    b.addLayer(name + BN_SUFFIX, new BatchNormalization.Builder().activation(Activation.RELU).build(), name);
    if (!relu) {
      return name + BN_SUFFIX;
    }
    b.addLayer(name + "_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), name + BN_SUFFIX);
    return name + "_relu";
  }

  /** Name suffix of the batch normalisation after a convolution. */
  static final String BN_SUFFIX = "_bn";

  /** The graph output (and label) order: the spec's heads in {@link HeadKind} order. */
  static List<HeadKind> outputOrder(ModelSpec spec) {
    return Collections.unmodifiableList(new ArrayList<>(spec.heads()));
  }

  static boolean hasLayer(ComputationGraph g, String name) {
    return g.getConfiguration().getVertices().containsKey(name);
  }
}
