package org.jaznet.pipeline.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.jaznet.pipeline.batch.BatchOptions;
import org.jaznet.pipeline.batch.BatchPipeline;
import org.jaznet.pipeline.batch.BatchSummary;
import org.jaznet.pipeline.batch.ModelSpec;
import org.jaznet.pipeline.batch.Models;
import org.jaznet.pipeline.batch.RunnerKind;
import org.jaznet.pipeline.io.ImageDecoder;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.SynthEngine;

/**
 * Measures, in one process over the same images: (a) the library's batch call in a loop on one thread,
 * (b) a hand-written loop on {@code cores} threads, (c) the pipeline on the DirectRunner with all cores,
 * (d) the pipeline with one worker. Each arm does the same per-image work: read the file, decode it,
 * recognise it in batches. The pipeline arms also write their results, as a real run would. The arms
 * run in interleaved rounds (a, b, c, d, then d, c, b, a, ...); each ratio is the median of its per-round ratios,
 * so a load that comes and goes on a shared machine shifts both sides of a ratio alike instead of
 * landing on one arm.
 */
public final class BatchBenchmark {
  /**
   * What to run.
   *
   * @param count images generated and read by every arm
   * @param batchSize images per forward pass
   * @param cores threads of arm (b) and workers of arm (c)
   * @param model the model
   * @param synth the synthetic data configuration the images come from
   * @param groups the pipeline's {@code --groups} (0: the pipeline's default)
   * @param rounds interleaved rounds of the four arms
   */
  public record Config(int count, int batchSize, int cores, ModelSpec model, SynthConfig synth, int groups,
      int rounds) {
    public Config(int count, int batchSize, int cores, ModelSpec model, SynthConfig synth) {
      this(count, batchSize, cores, model, synth, 0, 1);
    }

    public Config {
      if (groups < 0 || rounds < 1) {
        throw new IllegalArgumentException("groups must be >= 0 and rounds >= 1, got " + groups + ", " + rounds);
      }
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(synth, "synth");
      if (count <= 0 || batchSize <= 0 || cores <= 0) {
        throw new IllegalArgumentException("count, batch size and cores must be > 0, got "
            + count + ", " + batchSize + ", " + cores);
      }
    }
  }

  /**
   * Images per second of each arm (medians over the rounds) and the medians of the per-round ratios.
   *
   * @param loop arm (a)
   * @param threaded arm (b)
   * @param pipeline arm (c)
   * @param pipelineOneWorker arm (d)
   * @param pipelineOverThreaded median of c/b over the rounds
   * @param oneWorkerOverLoop median of d/a over the rounds
   */
  public record Figures(double loop, double threaded, double pipeline, double pipelineOneWorker,
      double pipelineOverThreaded, double oneWorkerOverLoop) {}

  private BatchBenchmark() {}

  public static Figures run(Config c, PrintStream out) throws Exception {
    Path tmp = Files.createTempDirectory("jaznet-bench-batch");
    try {
      Path images = tmp.resolve("images");
      Files.createDirectories(images);
      SynthEngine engine = SynthEngine.create(c.synth());
      List<Path> files = new ArrayList<>(c.count());
      for (int i = 0; i < c.count(); i++) {
        Path f = images.resolve(String.format(Locale.ROOT, "%06d.jpg", i));
        Files.write(f, engine.render(i).jpeg());
        files.add(f);
      }
      Recognizer r = Models.get(c.model());
      out.printf(Locale.ROOT, "bench batch: %d synthetic word images, batch %d, %d cores, %s groups%n",
          c.count(), c.batchSize(), c.cores(), c.groups() > 0 ? String.valueOf(c.groups()) : "default");
      // warm-up, not measured: JIT, native thread pools, and Beam's classes (the loops get the same)
      List<Path> warm = files.subList(0, Math.min(files.size(), 4 * c.batchSize()));
      loop(r, warm, c.batchSize());
      Path warmDir = tmp.resolve("warm");
      Files.createDirectories(warmDir);
      for (Path f : warm) {
        Files.copy(f, warmDir.resolve(f.getFileName()));
      }
      pipeline(c, warmDir, tmp.resolve("out-warm"), c.cores());

      List<double[]> perRound = new ArrayList<>();
      for (int round = 1; round <= c.rounds(); round++) {
        // odd rounds a, b, c, d; even rounds d, c, b, a: a drifting load falls on both sides of each ratio
        boolean forward = round % 2 == 1;
        double a = 0;
        double b = 0;
        BatchSummary sc = null;
        BatchSummary sd = null;
        for (int k = 0; k < 4; k++) {
          switch (forward ? k : 3 - k) {
            case 0 -> {
              long t0 = System.nanoTime();
              a = loop(r, files, c.batchSize()) / seconds(t0);
            }
            case 1 -> {
              long t0 = System.nanoTime();
              b = threaded(r, files, c.batchSize(), c.cores()) / seconds(t0);
            }
            case 2 -> sc = pipeline(c, images, tmp.resolve("out-c"), c.cores());
            default -> sd = pipeline(c, images, tmp.resolve("out-d"), 1);
          }
        }
        double pc = sc.results() / sc.seconds();
        double pd = sd.results() / sd.seconds();
        if (sc.results() + sc.failures() != c.count() || sd.results() + sd.failures() != c.count()) {
          throw new IllegalStateException("the pipeline lost inputs: " + sc.results() + "+" + sc.failures() + " and "
              + sd.results() + "+" + sd.failures() + " of " + c.count());
        }
        perRound.add(new double[] {a, b, pc, pd});
        out.printf(Locale.ROOT, "round %d: (a) %.1f  (b) %.1f  (c) %.1f  (d) %.1f images/s;  c/b %.3f  d/a %.3f%n",
            round, a, b, pc, pd, pc / b, pd / a);
      }
      double a = median(perRound, 0);
      double b = median(perRound, 1);
      double pc = median(perRound, 2);
      double pd = median(perRound, 3);
      out.printf(Locale.ROOT, "medians of %d round%s:%n", c.rounds(), c.rounds() == 1 ? "" : "s");
      out.printf(Locale.ROOT, "(a) library batch call, loop on 1 thread:     %8.1f images/s%n", a);
      out.printf(Locale.ROOT, "(b) hand-written loop on %d threads:           %8.1f images/s%n", c.cores(), b);
      out.printf(Locale.ROOT, "(c) pipeline, DirectRunner, %d workers:        %8.1f images/s%n", c.cores(), pc);
      out.printf(Locale.ROOT, "(d) pipeline, DirectRunner, 1 worker:          %8.1f images/s%n", pd);
      double cb = medianRatio(perRound, 2, 1);
      double da = medianRatio(perRound, 3, 0);
      Figures f = new Figures(a, b, pc, pd, cb, da);
      out.printf(Locale.ROOT, "ratio pipeline/threaded: %.3f%n", f.pipelineOverThreaded());
      out.printf(Locale.ROOT, "ratio pipeline-1-worker/loop: %.3f%n", f.oneWorkerOverLoop());
      return f;
    } finally {
      deleteTree(tmp);
    }
  }

  private static double median(List<double[]> rows, int col) {
    double[] v = rows.stream().mapToDouble(r -> r[col]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static double medianRatio(List<double[]> rows, int num, int den) {
    List<double[]> ratios = rows.stream().map(r -> new double[] {r[num] / r[den]}).toList();
    return median(ratios, 0);
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Read, decode, recognise in batches: the work every arm does per image. */
  static long loop(Recognizer r, List<Path> files, int batchSize) throws Exception {
    long n = 0;
    for (int from = 0; from < files.size(); from += batchSize) {
      n += batch(r, files.subList(from, Math.min(files.size(), from + batchSize)));
    }
    return n;
  }

  private static int batch(Recognizer r, List<Path> files) throws Exception {
    List<BufferedImage> imgs = new ArrayList<>(files.size());
    for (Path f : files) {
      imgs.add(ImageDecoder.decode(Files.readAllBytes(f)));
    }
    return r.recognizeAll(imgs).size();
  }

  static long threaded(Recognizer r, List<Path> files, int batchSize, int threads) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        parts.add(pool.submit(() -> {
          long n = 0;
          int from;
          while ((from = next.getAndAdd(batchSize)) < files.size()) {
            n += batch(r, files.subList(from, Math.min(files.size(), from + batchSize)));
          }
          return n;
        }));
      }
      long n = 0;
      for (Future<Long> p : parts) {
        n += p.get();
      }
      return n;
    } finally {
      pool.shutdownNow();
    }
  }

  private static BatchSummary pipeline(Config c, Path images, Path out, int workers) throws IOException {
    BatchOptions o = PipelineOptionsFactory.create().as(BatchOptions.class);
    o.setInput(images + "/*.jpg");
    o.setOutput(out.toString());
    o.setModel(c.model().path());
    o.setHeads(c.model().heads().toString());
    o.setBatchSize(c.batchSize());
    if (c.groups() > 0) {
      o.setGroups(c.groups());
    }
    RunnerKind.DIRECT.configure(o, workers);
    return BatchPipeline.run(o);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
