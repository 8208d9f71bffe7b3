package org.jaznet.recognizer.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.head.DictCodec;
import org.jaznet.recognizer.head.NgramVocabulary;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.Dl4jSetup;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelSpec;
import org.jaznet.recognizer.model.Optimiser;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures a network's speed on random inputs: training images/s (Adam, one fit per batch), inference
 * images/s at a batch size through the graph a {@code Recognizer} reads with ({@link JazNet#inference()}:
 * batch normalisation folded, NHWC maps), the same through the folded NCHW graph and the training graph
 * for comparison, and the latency of one image. GFLOP/s come from the net's counted forward
 * FLOPs (training counted as 3x forward: forward, input gradients, weight gradients).
 */
public final class RecognizerBenchmark {
  /** What to measure. */
  public record Options(Arch arch, EnumSet<HeadKind> heads, int dictActive, int ngrams, int batch,
      double seconds, long seed) {
    public Options {
      if (heads == null || heads.isEmpty()) {
        throw new IllegalArgumentException("heads must not be empty");
      }
      heads = EnumSet.copyOf(heads);
      if (dictActive < 1) {
        throw new IllegalArgumentException("dictActive must be >= 1, got " + dictActive);
      }
      if (ngrams < 1) {
        throw new IllegalArgumentException("ngrams must be >= 1, got " + ngrams);
      }
      if (batch < 1) {
        throw new IllegalArgumentException("batch must be >= 1, got " + batch);
      }
      if (!(seconds > 0)) {
        throw new IllegalArgumentException("seconds must be > 0, got " + seconds);
      }
    }

    /** The default: all heads, 5,000 DICT classes (the first incremental round), 10k N-grams, batch 64. */
    public static Options defaults(Arch arch) {
      return new Options(arch, EnumSet.allOf(HeadKind.class), 5_000, 10_000, 64, 10, 42);
    }
  }

  /** Measured figures. */
  public record Result(Options options, long params, double forwardGflopPerImage, double trainImagesPerSecond,
      double inferImagesPerSecond, double inferNchwImagesPerSecond, double inferTrainingGraphImagesPerSecond,
      double singleMs, double loadAverage, double trainImagesPerCpuSecond, double inferImagesPerCpuSecond,
      double peakGflops) {
    public double trainGflops() {
      return trainImagesPerSecond * 3 * forwardGflopPerImage;
    }

    public double inferGflops() {
      return inferImagesPerSecond * forwardGflopPerImage;
    }

    /** The report lines (the first three are a script contract). */
    public void print(PrintStream out) {
      out.printf("train: %.1f images/s%n", trainImagesPerSecond);
      out.printf("infer: %.1f images/s%n", inferImagesPerSecond);
      out.printf("single: %.2f ms%n", singleMs);
      out.printf("infer, folded NCHW graph: %.1f images/s; training graph: %.1f images/s (NHWC %.2fx NCHW)%n",
          inferNchwImagesPerSecond, inferTrainingGraphImagesPerSecond, inferImagesPerSecond / inferNchwImagesPerSecond);
      out.printf("train GFLOP/s: %.2f%n", trainGflops());
      out.printf("infer GFLOP/s: %.2f%n", inferGflops());
      out.printf("peak: %.1f GFLOP/s matmul%n", peakGflops);
      out.printf("share of the matmul peak: train %.1f %%, infer %.1f %%%n", 100 * trainGflops() / peakGflops,
          100 * inferGflops() / peakGflops);
      out.printf("model: %s, heads %s, dict %d, ngrams %d, batch %d, %d params, %.3f GFLOP per image forward%n",
          options.arch(), options.heads(), options.dictActive(), options.ngrams(), options.batch(), params,
          forwardGflopPerImage);
      out.printf("per CPU-second (less sensitive to other processes): train %.1f images, infer %.1f images%n",
          trainImagesPerCpuSecond, inferImagesPerCpuSecond);
      out.printf("machine: %d CPUs, load average %.2f after the run (other processes slow the figures down)%n",
          Runtime.getRuntime().availableProcessors(), loadAverage);
    }
  }

  private RecognizerBenchmark() {}

  public static Result run(Arch arch) {
    return run(Options.defaults(arch));
  }

  public static Result run(Options o) {
    Dl4jSetup.ensure();
    Random rnd = new Random(o.seed());
    List<String> dictionary = randomWords(rnd, o.dictActive());
    List<String> grams = o.heads().contains(HeadKind.NGRAM)
        ? NgramVocabulary.build(dictionary, o.ngrams()).grams() : List.of();
    ModelSpec spec = new ModelSpec(o.arch(), o.heads(), dictionary,
        o.heads().contains(HeadKind.DICT) ? dictionary.size() : 0, grams, Optimiser.ADAM, 1e-4, 1e-5, 0.5,
        org.jaznet.recognizer.head.SymbolSet.PRINT);
    JazNet net = JazNet.create(spec, o.seed());
    List<String> words = new ArrayList<>();
    for (int i = 0; i < o.batch(); i++) {
      words.add(dictionary.get(rnd.nextInt(dictionary.size())));
    }
    INDArray x = Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(o.seed()), o.batch(), 1,
        Preprocessor.HEIGHT, Preprocessor.WIDTH);
    MultiDataSet ds = dataSet(net, x, words);

    double[] cpu = new double[1];
    double train = rate(() -> net.graph().fit(ds), o.batch(), o.seconds(), cpu);
    double trainCpu = cpu[0];
    JazNet.Inference inference = net.inference();
    JazNet.Inference nchw = net.inference(org.deeplearning4j.nn.conf.CNN2DFormat.NCHW);
    double infer = rate(() -> inference.output(x), o.batch(), o.seconds(), cpu);
    double inferCpu = cpu[0];
    double inferNchw = rate(() -> nchw.output(x), o.batch(), o.seconds(), cpu);
    double inferTraining = rate(() -> net.output(x), o.batch(), o.seconds(), cpu);
    INDArray one = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1)).dup();
    double single = 1000.0 / rate(() -> inference.output(one), 1, Math.min(o.seconds(), 5), cpu);
    double peak = matmulPeakGflops(Math.min(o.seconds(), 5), o.seed());
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return new Result(o, net.graph().numParams(), net.forwardFlopsPerImage() / 1e9, train, infer, inferNchw,
        inferTraining, single, load, trainCpu, inferCpu, peak);
  }

  /** Matrix side of the peak measurement: large enough for the GEMM kernels to run at full speed. */
  static final int PEAK_SIDE = 2048;

  /**
   * The machine's measured FP32 matrix-multiply rate ({@code matmul} of two 2048 x 2048 matrices, 2 n^3
   * FLOPs each), every core: the ceiling the network's GFLOP/s are compared against. It runs ND4J's
   * {@code matmul} op, which libnd4j hands to oneDNN (the library the convolutions run in), not
   * {@code INDArray.mmul}, which calls the bundled BLAS directly: measured 2026-12-07 beside a training
   * job, 75.5 / 81.8 GFLOP/s through the op at 1024 / 2048 against 12.4 / 13.8 through {@code mmul}.
   */
  public static double matmulPeakGflops(double seconds, long seed) {
    org.nd4j.linalg.api.rng.Random r = Nd4j.getRandomFactory().getNewRandomInstance(seed);
    INDArray a = Nd4j.rand(r, PEAK_SIDE, PEAK_SIDE).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    INDArray b = Nd4j.rand(r, PEAK_SIDE, PEAK_SIDE).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    INDArray c = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, PEAK_SIDE, PEAK_SIDE);
    Runnable mul = () -> Nd4j.exec(new org.nd4j.linalg.api.ops.impl.reduce.Mmul(a, b, c, null));
    mul.run(); // warm-up
    int n = 0;
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    do {
      mul.run();
      n++;
    } while (System.nanoTime() < end);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    return n * 2.0 * PEAK_SIDE * PEAK_SIDE * PEAK_SIDE / elapsed / 1e9;
  }

  private static MultiDataSet dataSet(JazNet net, INDArray x, List<String> words) {
    ModelSpec s = net.spec();
    List<HeadKind> order = net.outputOrder();
    INDArray[] labels = new INDArray[order.size()];
    INDArray[] masks = new INDArray[order.size()];
    for (int i = 0; i < order.size(); i++) {
      switch (order.get(i)) {
        case DICT -> {
          DictCodec c = new DictCodec(s.dictionary(), s.dictActive());
          labels[i] = c.targets(words);
          masks[i] = c.labelMask(words);
        }
        case CHAR -> labels[i] = CharCodec.of(s.charSymbols()).targets(words);
        case NGRAM -> labels[i] = new NgramVocabulary(s.ngrams()).targets(words);
        case CTC -> labels[i] = org.jaznet.recognizer.head.CtcCodec.of(s.symbols()).targets(words);
      }
    }
    return new MultiDataSet(new INDArray[] {x}, labels, null, masks);
  }

  /**
   * Items per second of a task after a warm-up of 2 runs (and at least 1 s); {@code perCpuSecond[0]}
   * receives items per second of this process's CPU time (all its threads).
   */
  private static double rate(Runnable task, int itemsPerRun, double seconds, double[] perCpuSecond) {
    long warmEnd = System.nanoTime() + 1_000_000_000L;
    int warm = 0;
    while (warm < 2 || System.nanoTime() < warmEnd) {
      task.run();
      warm++;
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    int runs = 0;
    long now;
    do {
      task.run();
      runs++;
      now = System.nanoTime();
    } while (now < end);
    perCpuSecond[0] = runs * (double) itemsPerRun / Math.max(1e-9, (os.getProcessCpuTime() - cpuStart) / 1e9);
    return runs * (double) itemsPerRun / ((now - start) / 1e9);
  }

  /** Distinct random lowercase words of 3..10 letters. */
  static List<String> randomWords(Random rnd, int n) {
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < n) {
      int len = 3 + rnd.nextInt(8);
      StringBuilder sb = new StringBuilder(len);
      for (int i = 0; i < len; i++) {
        sb.append((char) ('a' + rnd.nextInt(26)));
      }
      out.add(sb.toString());
    }
    return new ArrayList<>(out);
  }

  /**
   * {@code RecognizerBenchmark [small|paper] [seconds] [heads e.g. dict,char,ngram] [dictActive]}.
   * Set OMP_WAIT_POLICY=PASSIVE in the environment (the launcher does).
   */
  public static void main(String[] args) {
    Arch arch = args.length > 0 ? Arch.valueOf(args[0].toUpperCase(java.util.Locale.ROOT)) : Arch.SMALL;
    Options d = Options.defaults(arch);
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : d.seconds();
    EnumSet<HeadKind> heads = d.heads();
    if (args.length > 2) {
      heads = EnumSet.noneOf(HeadKind.class);
      for (String h : args[2].split(",")) {
        heads.add(HeadKind.valueOf(h.trim().toUpperCase(java.util.Locale.ROOT)));
      }
    }
    int dict = args.length > 3 ? Integer.parseInt(args[3]) : d.dictActive();
    run(new Options(arch, heads, dict, d.ngrams(), d.batch(), seconds, d.seed())).print(System.out);
  }
}
