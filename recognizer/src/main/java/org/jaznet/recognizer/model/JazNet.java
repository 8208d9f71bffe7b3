package org.jaznet.recognizer.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.Calibration;
import org.jaznet.recognizer.head.CtcCodec;
import org.jaznet.recognizer.head.Decoder;
import org.jaznet.recognizer.head.Fusion;
import org.jaznet.recognizer.head.HeadOutputs;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A jaznet network: a DL4J {@link ComputationGraph} built in code from a {@link ModelSpec}.
 *
 * <p>One input {@value #INPUT} of shape [N, 1, 32, 100]; one output per head, in {@link #outputOrder()}
 * (the order of MultiDataSet labels): DICT softmax [N, dictActive]; CHAR softmax over its symbols per
 * position [N, 37, 23] (PRINT: [N, 87, 23]); NGRAM sigmoids [N, |ngrams|]. The graph is not thread-safe (DL4J's): callers
 * that share a JazNet across threads must serialise {@link #output}.
 *
 * <p>The graph's configuration comes from {@link GraphConfig} (over the layers of {@link TrunkLayer}); weights move
 * between networks by layer name ({@link WeightTransfer}); {@link #inference()} folds the batch normalisations
 * ({@link BnFolding}); {@link Flops} counts the multiply-adds.
 */
public final class JazNet {
  public static final String INPUT = "input";
  /** The trunk's feature vector, the input of every head. */
  public static final String FEATURES = "features";

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
    ComputationGraph g = new ComputationGraph(GraphConfig.configuration(spec, seed));
    g.init();
    return new JazNet(g, spec, seed, Calibration.DEFAULT);
  }

  /** Wraps a graph whose parameters are set by the caller (the model file loader). */
  static JazNet withParams(ModelSpec spec, long seed, INDArray flatParams, Calibration calibration) {
    Dl4jSetup.ensure();
    ComputationGraphConfiguration conf = GraphConfig.configuration(spec, seed);
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
    return GraphConfig.numParams(spec);
  }

  /** The graph output (and label) order: the spec's heads in {@link HeadKind} order. */
  public List<HeadKind> outputOrder() {
    return GraphConfig.outputOrder(spec);
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
   * @return per head: DICT [N, dictActive] probabilities, CHAR [N, 37 or 87, 23] probabilities, NGRAM
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
    return new Inference(BnFolding.fold(graph, spec, seed, format), outputOrder(), format);
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
    WeightTransfer.copy(other, this, false);
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
    return WeightTransfer.copy(other, this, true);
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
    WeightTransfer.copyIntoGrownDict(graph, grown.graph, outputName(HeadKind.DICT), oldActive);
    return grown;
  }

  /** Forward FLOPs of one image (multiply and add counted separately), from the layer shapes. */
  public long forwardFlopsPerImage() {
    return forwardFlopsPerImage(spec);
  }

  static long forwardFlopsPerImage(ModelSpec spec) {
    return Flops.perImage(spec);
  }
}
