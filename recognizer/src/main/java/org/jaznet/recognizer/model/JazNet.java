package org.jaznet.recognizer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.ReshapeVertex;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
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
import org.jaznet.recognizer.head.Calibration;
import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.head.CtcCodec;
import org.jaznet.recognizer.head.SymbolSet;
import org.jaznet.recognizer.head.Decoder;
import org.jaznet.recognizer.head.Fusion;
import org.jaznet.recognizer.head.HeadOutputs;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A jaznet network: a DL4J {@link ComputationGraph} built in code from a {@link ModelSpec}.
 *
 * <p>One input {@value #INPUT} of shape [N, 1, 32, 100]; one output per head, in {@link #outputOrder()}
 * (the order of MultiDataSet labels): DICT softmax [N, dictActive]; CHAR softmax over 37 symbols per
 * position [N, 37, 23]; NGRAM sigmoids [N, |ngrams|]. The graph is not thread-safe (DL4J's): callers
 * that share a JazNet across threads must serialise {@link #output}.
 */
public final class JazNet {
  public static final String INPUT = "input";
  /** The trunk's feature vector, the input of every head. */
  public static final String FEATURES = "features";
  static final String CHAR_LOGITS = "char_logits";
  static final String CHAR_SEQUENCE = "char_seq";

  private final ComputationGraph graph;
  private final ModelSpec spec;
  private final long seed;
  private final Calibration calibration;

  private JazNet(ComputationGraph graph, ModelSpec spec, long seed, Calibration calibration) {
    this.graph = graph;
    this.spec = spec;
    this.seed = seed;
    this.calibration = calibration;
  }

  static {
    Dl4jSetup.ensure();
  }

  /** Builds and initialises a fresh network; the same spec and seed always give the same weights. */
  public static JazNet create(ModelSpec spec, long seed) {
    Dl4jSetup.ensure();
    ComputationGraph g = new ComputationGraph(configuration(spec, seed));
    g.init();
    return new JazNet(g, spec, seed, Calibration.DEFAULT);
  }

  /** Wraps a graph whose parameters are set by the caller (the model file loader). */
  static JazNet withParams(ModelSpec spec, long seed, INDArray flatParams, Calibration calibration) {
    Dl4jSetup.ensure();
    ComputationGraphConfiguration conf = configuration(spec, seed);
    long expected = numParams(spec);
    if (flatParams.length() != expected) {
      throw new IllegalArgumentException("the spec's graph has " + expected + " parameters, got "
          + flatParams.length());
    }
    ComputationGraph g = new ComputationGraph(conf);
    g.init(flatParams.reshape(1, flatParams.length()), true);
    return new JazNet(g, spec, seed, calibration);
  }

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

  /** The layer sequence of a trunk (shared by graph building and FLOP counting). */
  static List<TrunkLayer> trunk(Arch arch) {
    return switch (arch) {
      case SMALL -> List.of(
          TrunkLayer.conv("conv1", 3, 32),
          TrunkLayer.pool("pool1"),
          TrunkLayer.conv("conv2", 3, 64),
          TrunkLayer.pool("pool2"),
          TrunkLayer.conv("conv3", 3, 128),
          TrunkLayer.conv("conv4", 3, 128),
          TrunkLayer.pool("pool3"),
          TrunkLayer.dense(FEATURES, 512, false));
      // SMALL with batch normalisation after every convolution: same FLOPs (+1 %), converges in far
      // fewer images, which is what a CPU-only training budget is short of.
      case SMALL_BN, SMALL_BN_RELU, SMALL_BN_RELU_SEQ -> List.of(
          TrunkLayer.convBn("conv1", 3, 32),
          TrunkLayer.pool("pool1"),
          TrunkLayer.convBn("conv2", 3, 64),
          TrunkLayer.pool("pool2"),
          TrunkLayer.convBn("conv3", 3, 128),
          TrunkLayer.convBn("conv4", 3, 128),
          TrunkLayer.pool("pool3"),
          TrunkLayer.dense(FEATURES, 512, false));
      case PAPER -> List.of(
          TrunkLayer.conv("conv1", 5, 64),
          TrunkLayer.pool("pool1"),
          TrunkLayer.conv("conv2", 5, 128),
          TrunkLayer.pool("pool2"),
          TrunkLayer.conv("conv3", 3, 256),
          TrunkLayer.conv("conv4", 3, 512),
          TrunkLayer.padRight("pad4"),
          TrunkLayer.pool("pool3"),
          TrunkLayer.conv("conv5", 3, 512),
          TrunkLayer.dense("fc1", 4096, false),
          TrunkLayer.dense(FEATURES, 4096, true));
    };
  }

  private static ComputationGraphConfiguration configuration(ModelSpec spec, long seed) {
    return configuration(spec, seed, false, CNN2DFormat.NCHW);
  }

  /**
   * The graph of a spec; with {@code foldBn} every convolution + batch normalisation pair is one
   * convolution with a bias and the ReLU (the layout {@link #inference()} fills with folded weights).
   * {@code format} is the feature maps' layout: NCHW for training (the layout models are saved in), NHWC
   * for the inference graph (only with {@code foldBn}).
   */
  private static ComputationGraphConfiguration configuration(ModelSpec spec, long seed, boolean foldBn,
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
        .addInputs(INPUT)
        .setInputTypes(InputType.convolutional(Preprocessor.HEIGHT, Preprocessor.WIDTH, 1, format));
    String previous = INPUT;
    List<TrunkLayer> layers = trunk(spec.arch());
    int tap = ctcTap(layers);
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
          b.addLayer(outputName(HeadKind.DICT), o.build(), FEATURES);
        }
        case CHAR -> {
          // One dense output of 23*37 logits (1.5x faster than 23 output layers, measured), unit
          // s * 23 + p holding symbol s at position p.
          DenseLayer.Builder d = new DenseLayer.Builder()
              .nIn(features).nOut(CharCodec.SYMBOLS * CharCodec.POSITIONS)
              .activation(Activation.IDENTITY).weightInit(WeightInit.XAVIER);
          if (retain < 1) {
            d.dropOut(retain);
          }
          b.addLayer(CHAR_LOGITS, d.build(), FEATURES);
          // [N, 851] -> [N, 37, 23] ('c' order): softmax over the 37 symbols at each of 23 positions.
          b.addVertex(CHAR_SEQUENCE,
              new ReshapeVertex('c', new int[] {-1, CharCodec.SYMBOLS, CharCodec.POSITIONS}, null), CHAR_LOGITS);
          b.addLayer(outputName(HeadKind.CHAR), new RnnLossLayer.Builder(LossFunction.MCXENT)
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
          b.addLayer(outputName(HeadKind.NGRAM), o.build(), FEATURES);
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
   * Index of the trunk layer the CTC branch reads: the last convolution before the last pooling, whose
   * map is [C, 8, 25] (25 columns of 4 input pixels each: the CTC steps).
   */
  static int ctcTap(List<TrunkLayer> layers) {
    int lastPool = -1;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).kind() == TrunkLayer.Kind.POOL) {
        lastPool = i;
      }
    }
    for (int i = lastPool; i >= 0; i--) {
      TrunkLayer.Kind k = layers.get(i).kind();
      if (k == TrunkLayer.Kind.CONV || k == TrunkLayer.Kind.CONV_BN) {
        return i;
      }
    }
    throw new IllegalStateException("the trunk has no convolution before its last pooling");
  }

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
    b.addLayer(outputName(HeadKind.CTC), new LossLayer.Builder(new LossCtc(symbols.classes(), CtcCodec.STEPS,
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
  private static final String BN_SUFFIX = "_bn";

  /** The graph output (and label) order: the spec's heads in {@link HeadKind} order. */
  public List<HeadKind> outputOrder() {
    return outputOrder(spec);
  }

  private static List<HeadKind> outputOrder(ModelSpec spec) {
    return Collections.unmodifiableList(new ArrayList<>(spec.heads()));
  }

  /** The graph's input name. */
  public String inputName() {
    return INPUT;
  }

  /** The graph output layer of a head. */
  public static String outputName(HeadKind head) {
    return switch (head) {
      case DICT -> "dict";
      case CHAR -> "char";
      case NGRAM -> "ngram";
      case CTC -> "ctc";
    };
  }

  public ComputationGraph graph() {
    return graph;
  }

  public ModelSpec spec() {
    return spec;
  }

  /** Fusion parameters (uncalibrated defaults until {@link #withCalibration}). */
  public Calibration calibration() {
    return calibration;
  }

  /** The same network (sharing the graph) with other fusion parameters. */
  public JazNet withCalibration(Calibration newCalibration) {
    return new JazNet(graph, spec, seed, java.util.Objects.requireNonNull(newCalibration, "calibration"));
  }

  /**
   * Fits the fusion calibration on held-out images (never training images), without changing this net.
   *
   * @param inputs preprocessed images, {@link Preprocessor#SIZE} floats each, concatenated
   * @param truths their words, one per image
   * @return this network with the fitted calibration
   */
  public JazNet calibrate(float[] inputs, List<String> truths) {
    int n = truths.size();
    if (n == 0 || inputs.length != (long) n * Preprocessor.SIZE) {
      throw new IllegalArgumentException("need " + Preprocessor.SIZE + " floats per truth: got "
          + inputs.length + " floats for " + n + " truths");
    }
    Decoder decoder = new Decoder(spec, calibration);
    List<Fusion.Example> examples = new ArrayList<>(n);
    int batch = 64;
    for (int from = 0; from < n; from += batch) {
      int m = Math.min(batch, n - from);
      float[] chunk = java.util.Arrays.copyOfRange(inputs, from * Preprocessor.SIZE, (from + m) * Preprocessor.SIZE);
      // [m * 3200] -> [m, 1, 32, 100]
      INDArray x = org.nd4j.linalg.factory.Nd4j.create(chunk, new long[] {m, 1, Preprocessor.HEIGHT, Preprocessor.WIDTH}, 'c');
      HeadOutputs out = HeadOutputs.of(output(x));
      for (int i = 0; i < m; i++) {
        examples.add(decoder.example(out, i, truths.get(from + i)));
      }
    }
    return withCalibration(Fusion.fit(examples));
  }

  /** The seed the network was created with (also seeds the new columns of {@link #growDict}). */
  public long seed() {
    return seed;
  }

  /**
   * Inference forward pass (no dropout). Not thread-safe.
   *
   * @param input [N, 1, 32, 100] preprocessed images
   * @return per head: DICT [N, dictActive] probabilities, CHAR [N, 37, 23] probabilities, NGRAM
   *     [N, |ngrams|] probabilities
   */
  public Map<HeadKind, INDArray> output(INDArray input) {
    checkInput(input);
    INDArray[] out = graph.output(false, input);
    Map<HeadKind, INDArray> result = new EnumMap<>(HeadKind.class);
    List<HeadKind> order = outputOrder();
    for (int i = 0; i < out.length; i++) {
      result.put(order.get(i), out[i]);
    }
    return result;
  }

  /**
   * This network for inference only: the same outputs (to float rounding) from a graph in which every
   * batch normalisation is folded into the convolution before it, as inference engines do: per output
   * channel, with s = gamma / std, the weights become W * s and the bias beta - mean * s (and a ReLU
   * after the normalisation, {@link Arch#SMALL_BN_RELU}, becomes the convolution's activation). That saves the normalisation's pass over every feature map (about 7 %
   * of the SMALL_BN trunk's inference time, measured; more with the CTC branch's two). The graph's maps
   * are NHWC (see {@link #inference(CNN2DFormat)}); a network without batch normalisation gets the same
   * NHWC copy, unfolded. The copy is made now: train this network afterwards and the copy does not follow.
   */
  public Inference inference() {
    return inference(CNN2DFormat.NHWC);
  }

  /**
   * {@link #inference()} with the feature maps in {@code format}. NHWC is the default: DL4J's max-pooling
   * on NCHW maps took as long as the convolutions (2x2 pooling of [64, 32, 32, 100]: 102-130 ms NCHW,
   * 17-20 ms NHWC; the convolutions about the same in both), so the NCHW graph is kept for comparison.
   */
  public Inference inference(CNN2DFormat format) {
    ComputationGraph folded = new ComputationGraph(configuration(spec, seed, true, format));
    folded.init();
    for (Layer layer : folded.getLayers()) {
      String name = layer.conf().getLayer().getLayerName();
      Layer src = graph.getLayer(name);
      Layer bn = hasLayer(graph, name + BN_SUFFIX) ? graph.getLayer(name + BN_SUFFIX) : null;
      if (bn == null) {
        for (Map.Entry<String, INDArray> p : src.paramTable().entrySet()) {
          INDArray dst = layer.getParam(p.getKey());
          if (!java.util.Arrays.equals(dst.shape(), p.getValue().shape())) {
            throw new IllegalStateException("inference graph layer " + name + " parameter " + p.getKey() + " has shape "
                + java.util.Arrays.toString(dst.shape()) + ", the network " + java.util.Arrays.toString(p.getValue().shape()));
          }
          dst.assign(p.getKey().equals("W") && format == CNN2DFormat.NHWC
              ? nhwcRows(folded, name, p.getValue()) : p.getValue());
        }
        continue;
      }
      BatchNormalization conf = (BatchNormalization) bn.conf().getLayer();
      INDArray gamma = bn.getParam("gamma").castTo(DataType.DOUBLE);
      INDArray beta = bn.getParam("beta").castTo(DataType.DOUBLE);
      INDArray mean = bn.getParam("mean").castTo(DataType.DOUBLE);
      // DL4J keeps either log10(std) (the default) or the variance (std = sqrt(var + eps))
      INDArray std = conf.isUseLogStd()
          ? Transforms.exp(bn.getParam("log10stdev").castTo(DataType.DOUBLE).mul(Math.log(10)), false)
          : Transforms.sqrt(bn.getParam("var").castTo(DataType.DOUBLE).add(conf.getEps()), false);
      INDArray scale = gamma.div(std).reshape(-1); // [nOut]
      INDArray w = src.getParam("W").castTo(DataType.DOUBLE); // [nOut, nIn, kH, kW]
      long nOut = w.size(0);
      INDArray wf = w.reshape('c', nOut, w.length() / nOut).mulColumnVector(scale.reshape(nOut, 1))
          .reshape('c', w.shape());
      INDArray bf = beta.reshape(-1).sub(mean.reshape(-1).mul(scale));
      layer.getParam("W").assign(wf.castTo(DataType.FLOAT));
      layer.getParam("b").assign(bf.reshape(layer.getParam("b").shape()).castTo(DataType.FLOAT));
    }
    return new Inference(folded, outputOrder(), format);
  }

  /**
   * The weights of a dense layer fed by feature maps, for the NHWC graph: DL4J flattens [C, H, W] maps
   * (index c*H*W + h*W + w) in NCHW and [H, W, C] maps (h*W*C + w*C + c) in NHWC, so the rows of
   * {@code w} [C*H*W, out] are reordered; any other parameter is returned as it is.
   */
  private static INDArray nhwcRows(ComputationGraph nhwcGraph, String layer, INDArray w) {
    if (!(nhwcGraph.getConfiguration().getVertices().get(layer) instanceof LayerVertex v)
        || !(v.getPreProcessor() instanceof CnnToFeedForwardPreProcessor flat)) {
      return w;
    }
    long c = flat.getNumChannels();
    long h = flat.getInputHeight();
    long wd = flat.getInputWidth();
    long out = w.size(1);
    return w.reshape('c', c, h, wd, out).permute(1, 2, 0, 3).dup('c').reshape('c', h * wd * c, out);
  }

  /**
   * Sets this network's weights to {@code other}'s, layer by layer and parameter by parameter by name
   * (not as one flat vector: the flat order follows DL4J's topological sort of the graph, which a
   * parameter-free layer such as SMALL_BN_RELU's ReLUs can change).
   *
   * @throws IllegalArgumentException when a layer or parameter is missing or has another shape
   */
  public void setWeightsFrom(JazNet other) {
    if (graph.numParams() != other.graph.numParams()) {
      throw new IllegalArgumentException("the networks have " + graph.numParams() + " and "
          + other.graph.numParams() + " parameters");
    }
    copyWeights(other, false);
  }

  /**
   * As {@link #setWeightsFrom}, for a network of an arch that adds layers to {@code other}'s ({@link
   * Arch#canStartFrom}): the layers {@code other} does not have keep the values they were initialised with (the
   * sequence-context projection starts at zero, so this network then computes what {@code other} does, with the
   * ReLUs of SMALL_BN_RELU if other is SMALL_BN).
   *
   * @return the names of the layers left as initialised
   * @throws IllegalArgumentException when this arch cannot start from other's, or a shared layer differs
   */
  public List<String> startFrom(JazNet other) {
    if (!spec.arch().canStartFrom(other.spec.arch())) {
      throw new IllegalArgumentException("a " + spec.arch() + " network cannot start from a " + other.spec.arch() + " one");
    }
    return copyWeights(other, true);
  }

  private List<String> copyWeights(JazNet other, boolean allowNew) {
    List<String> kept = new ArrayList<>();
    for (Layer layer : graph.getLayers()) {
      String name = layer.conf().getLayer().getLayerName();
      Map<String, INDArray> mine = layer.paramTable();
      if (mine.isEmpty()) {
        continue;
      }
      if (!hasLayer(other.graph, name)) {
        if (allowNew && isContextLayer(name)) {
          kept.add(name);
          continue;
        }
        throw new IllegalArgumentException("the other network has no layer " + name);
      }
      Map<String, INDArray> theirs = other.graph.getLayer(name).paramTable();
      boolean widen = allowNew && other.spec.symbols() != spec.symbols() && CTC_OUTPUTS.contains(name);
      for (Map.Entry<String, INDArray> p : mine.entrySet()) {
        INDArray src = theirs.get(p.getKey());
        if (widen && src != null) {
          widenCtcOutput(src, p.getValue(), other.spec.symbols(), spec.symbols(), name.equals("ctc_logits"),
              p.getKey().equals("b"));
          continue;
        }
        if (src == null || !java.util.Arrays.equals(src.shape(), p.getValue().shape())) {
          throw new IllegalArgumentException("layer " + name + " parameter " + p.getKey() + ": "
              + (src == null ? "missing" : java.util.Arrays.toString(src.shape())) + " in the other network, "
              + java.util.Arrays.toString(p.getValue().shape()) + " here");
        }
        p.getValue().assign(src.castTo(p.getValue().dataType()));
      }
    }
    return kept;
  }

  /** The layers whose outputs are the CTC classes (a 1x1 convolution each: W [classes, in, 1, 1], b [1, classes]). */
  private static final List<String> CTC_OUTPUTS = List.of("ctc_logits", "ctc_ctx_logits");

  /**
   * Copies a CTC output layer's parameter to a head over a larger symbol set ({@link SymbolSet#LOWER} to
   * {@link SymbolSet#PRINT}): each old symbol's row to the same symbol, the blank's to the new blank, a capital's
   * from its lowercase letter, with both letters' biases lowered by log 2 in the main logits, so that p(a) + p(A)
   * is the old p(a); punctuation rows start at zero weights with the blank's bias less {@value #NEW_MARK_OFFSET}.
   * So the new head's folded lattice ({@code CtcCodec.fold}) starts within a fraction of a percent of the old
   * head's, and training only has to learn what is new.
   */
  private static void widenCtcOutput(INDArray src, INDArray dst, SymbolSet from, SymbolSet to, boolean main,
      boolean bias) {
    int fromBlank = from.blank();
    for (int c = 0; c < to.classes(); c++) {
      int old;
      boolean letter = false;
      if (c == to.blank()) {
        old = fromBlank;
      } else {
        int f = to.foldedCode(c);
        old = f >= 0 && f < from.size() ? f : -1;
        letter = f >= 10;
      }
      if (bias) {
        double v;
        if (old < 0) {
          v = main ? src.getDouble((long) fromBlank) - NEW_MARK_OFFSET : 0;
        } else {
          v = src.getDouble((long) old) - (main && letter ? Math.log(2) : 0);
        }
        dst.putScalar((long) c, v);
      } else {
        INDArray row = dst.get(org.nd4j.linalg.indexing.NDArrayIndex.point(c));
        if (old >= 0) {
          row.assign(src.get(org.nd4j.linalg.indexing.NDArrayIndex.point(old)).castTo(dst.dataType()));
        } else {
          row.assign(0);
        }
      }
    }
  }

  /** How far below the blank a widened head's punctuation marks start (in logits). */
  static final double NEW_MARK_OFFSET = 8;

  private static boolean isContextLayer(String name) {
    return CONTEXT_LAYERS.stream().anyMatch(c -> name.equals(c) || name.startsWith(c + "_"));
  }

  private static boolean hasLayer(ComputationGraph g, String name) {
    return g.getConfiguration().getVertices().containsKey(name);
  }

  /**
   * A network's graph for inference ({@link JazNet#inference()}). Not thread-safe (DL4J's graph):
   * callers serialise {@link #output}.
   */
  public static final class Inference {
    private final ComputationGraph graph;
    private final List<HeadKind> order;
    private final CNN2DFormat format;

    private Inference(ComputationGraph graph, List<HeadKind> order, CNN2DFormat format) {
      this.graph = graph;
      this.order = List.copyOf(order);
      this.format = format;
    }

    /** The layout of the graph's feature maps. */
    public CNN2DFormat format() {
      return format;
    }

    /** As {@link JazNet#output}. */
    public Map<HeadKind, INDArray> output(INDArray input) {
      checkInput(input);
      // [N, 1, 32, 100] -> [N, 32, 100, 1]: one channel, so the same floats
      boolean nhwc = format == CNN2DFormat.NHWC;
      INDArray[] out = graph.output(false,
          nhwc ? input.reshape('c', input.size(0), Preprocessor.HEIGHT, Preprocessor.WIDTH, 1) : input);
      Map<HeadKind, INDArray> result = new EnumMap<>(HeadKind.class);
      for (int i = 0; i < out.length; i++) {
        INDArray o = out[i];
        if (nhwc && order.get(i) == HeadKind.CTC) {
          // NHWC flattens [1, 25, 37] as step * 37 + symbol; the contract is symbol * 25 + step
          long n = o.size(0);
          long classes = o.length() / n / CtcCodec.STEPS;
          o = o.reshape('c', n, CtcCodec.STEPS, classes).permute(0, 2, 1).dup('c')
              .reshape('c', n, (long) classes * CtcCodec.STEPS);
        }
        result.put(order.get(i), o);
      }
      return result;
    }
  }

  private static void checkInput(INDArray input) {
    long[] shape = input.shape();
    if (shape.length != 4 || shape[1] != 1 || shape[2] != Preprocessor.HEIGHT || shape[3] != Preprocessor.WIDTH) {
      throw new IllegalArgumentException(
          "input must have shape [N, 1, 32, 100], got " + java.util.Arrays.toString(shape));
    }
  }

  /**
   * A network whose DICT output has {@code newActive} leading classes: every parameter is copied, the
   * old DICT weights and biases go into the first columns, so the old classes' logits are bit-for-bit
   * those of this network; the new columns get Xavier weights and zero bias. The updater state is
   * fresh (the returned graph has never been fitted). This network is left unchanged.
   */
  public JazNet growDict(int newActive) {
    if (!spec.has(HeadKind.DICT)) {
      throw new IllegalStateException("growDict needs a DICT head; heads are " + spec.heads());
    }
    int oldActive = spec.dictActive();
    if (newActive <= oldActive || newActive > spec.dictionary().size()) {
      throw new IllegalArgumentException("newActive must be in (" + oldActive + ", "
          + spec.dictionary().size() + "], got " + newActive);
    }
    JazNet grown = create(spec.withDictActive(newActive), seed + newActive).withCalibration(calibration);
    String dict = outputName(HeadKind.DICT);
    for (Layer layer : graph.getLayers()) {
      String name = layer.conf().getLayer().getLayerName();
      Layer target = grown.graph.getLayer(name);
      for (Map.Entry<String, INDArray> p : layer.paramTable().entrySet()) {
        INDArray dst = target.getParam(p.getKey());
        if (name.equals(dict)) {
          // W [features, old] into W' [features, new]; b [1, old] into b' [1, new]
          dst.get(NDArrayIndex.all(), NDArrayIndex.interval(0, oldActive)).assign(p.getValue());
        } else {
          dst.assign(p.getValue());
        }
      }
    }
    return grown;
  }

  /** Forward FLOPs of one image (multiply and add counted separately), from the layer shapes. */
  public long forwardFlopsPerImage() {
    return forwardFlopsPerImage(spec);
  }

  static long forwardFlopsPerImage(ModelSpec spec) {
    long h = Preprocessor.HEIGHT;
    long w = Preprocessor.WIDTH;
    long c = 1;
    long flops = 0;
    boolean flat = false;
    for (TrunkLayer t : trunk(spec.arch())) {
      switch (t.kind()) {
        case CONV, CONV_BN -> {
          flops += 2L * h * w * t.outputs() * t.kernel() * t.kernel() * c;
          c = t.outputs();
        }
        case POOL -> {
          h = (h + 1) / 2;
          w = (w + 1) / 2;
        }
        case PAD_RIGHT -> w += 1;
        case DENSE -> {
          long in = flat ? c : c * h * w;
          flops += 2L * in * t.outputs();
          c = t.outputs();
          flat = true;
        }
      }
    }
    if (spec.has(HeadKind.CTC)) {
      long tapChannels = 1;
      List<TrunkLayer> layers = trunk(spec.arch());
      for (int i = 0; i <= ctcTap(layers); i++) {
        if (layers.get(i).outputs() > 0) {
          tapChannels = layers.get(i).outputs();
        }
      }
      long steps = CtcCodec.STEPS;
      flops += 2L * 4 * steps * 9 * tapChannels * CTC_CHANNELS;        // conv1 on [4, 25]
      flops += 2L * steps * 6 * CTC_CHANNELS * CTC_CHANNELS;           // conv2 2x3 on [2, 25] -> [1, 25]
      flops += 2L * steps * CTC_CHANNELS * spec.symbols().classes();           // 1x1 logits
      if (spec.arch().sequenceContext()) {
        flops += 2L * steps * CONTEXT_KERNEL * (CTC_CHANNELS + CONTEXT_CHANNELS) * CONTEXT_CHANNELS; // two 1x5
        flops += 2L * steps * CONTEXT_CHANNELS * spec.symbols().classes();     // their 1x1 logits
      }
    }
    long f = spec.arch().featureSize();
    if (spec.has(HeadKind.DICT)) {
      flops += 2L * f * spec.dictActive();
    }
    if (spec.has(HeadKind.CHAR)) {
      flops += 2L * f * CharCodec.SYMBOLS * CharCodec.POSITIONS;
    }
    if (spec.has(HeadKind.NGRAM)) {
      flops += 2L * f * spec.ngrams().size();
    }
    return flops;
  }

  /** One layer of a trunk. */
  record TrunkLayer(String name, Kind kind, int kernel, int outputs, boolean dropoutBefore) {
    enum Kind { CONV, CONV_BN, POOL, PAD_RIGHT, DENSE }

    static TrunkLayer conv(String name, int kernel, int outputs) {
      return new TrunkLayer(name, Kind.CONV, kernel, outputs, false);
    }

    static TrunkLayer convBn(String name, int kernel, int outputs) {
      return new TrunkLayer(name, Kind.CONV_BN, kernel, outputs, false);
    }

    static TrunkLayer pool(String name) {
      return new TrunkLayer(name, Kind.POOL, 2, 0, false);
    }

    static TrunkLayer padRight(String name) {
      return new TrunkLayer(name, Kind.PAD_RIGHT, 0, 0, false);
    }

    static TrunkLayer dense(String name, int outputs, boolean dropoutBefore) {
      return new TrunkLayer(name, Kind.DENSE, 0, outputs, dropoutBefore);
    }
  }
}
