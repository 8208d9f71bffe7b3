package org.jaznet.recognizer.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.SynthSample;

/**
 * Batches rendered on the fly by synth-engine in background threads, nothing on disk.
 *
 * <p>Batch {@code k} holds the samples with indices {@code firstIndex + k * batch ... + batch - 1};
 * each index is rendered by one of the engines, chosen by a generator seeded by (seed, index). So the
 * same arguments give the same batches in the same order whatever the thread count, and a resumed run
 * continues with fresh indices. Disjoint index ranges keep training and validation apart.
 */
public final class SynthStream implements BatchSource {
  /** Retries of a sample whose rendering failed are moved this far up the index space. */
  static final long RETRY_STRIDE = 1L << 56;

  /** An engine and its share of the samples. */
  public record Source(SynthEngine engine, double weight) {
    public Source {
      if (engine == null) {
        throw new IllegalArgumentException("engine must not be null");
      }
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("weight must be > 0, got " + weight);
      }
    }
  }

  private final List<Source> sources;
  private final double[] cumulative;
  private final int batch;
  private final long firstIndex;
  private final long seed;
  private final ExecutorService pool;
  private final Deque<Future<Batch>> ahead = new ArrayDeque<>();
  private final int depth;
  private long nextToSubmit;

  public SynthStream(List<Source> sources, int batch, int threads, long firstIndex, long seed) {
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("a synthetic stream needs at least one engine");
    }
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (firstIndex < 0) {
      throw new IllegalArgumentException("firstIndex must be >= 0, got " + firstIndex);
    }
    this.sources = List.copyOf(sources);
    this.cumulative = new double[sources.size()];
    double total = 0;
    for (Source s : sources) {
      total += s.weight();
    }
    double c = 0;
    for (int i = 0; i < sources.size(); i++) {
      c += sources.get(i).weight() / total;
      cumulative[i] = c;
    }
    cumulative[sources.size() - 1] = 1.0;
    this.batch = batch;
    this.firstIndex = firstIndex;
    this.seed = seed;
    this.depth = threads * 2;
    this.pool = Executors.newFixedThreadPool(threads, daemonThreads("synth-stream"));
  }

  static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public synchronized Batch next() throws InterruptedException {
    while (ahead.size() < depth) {
      long k = nextToSubmit++;
      ahead.addLast(pool.submit(() -> render(k)));
    }
    Future<Batch> f = ahead.removeFirst();
    long k = nextToSubmit++;
    ahead.addLast(pool.submit(() -> render(k)));
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw new IllegalStateException("synthetic batch failed: " + c, c);
    }
  }

  /** Renders batch {@code k} (any thread). */
  Batch render(long k) {
    float[] pixels = new float[batch * Preprocessor.SIZE];
    List<String> words = new ArrayList<>(batch);
    long base = firstIndex + k * batch;
    for (int j = 0; j < batch; j++) {
      SynthSample s = sample(base + j);
      Preprocessor.toInput(s.grey(), s.width(), s.height(), pixels, j * Preprocessor.SIZE);
      words.add(s.text());
    }
    return new Batch(pixels, words);
  }

  /** The sample at {@code index}; a failed rendering is retried further up the index space. */
  SynthSample sample(long index) {
    SynthEngine engine = engineFor(index);
    RuntimeException first = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        return engine.render(index + attempt * RETRY_STRIDE);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    throw new IllegalStateException("rendering sample " + index + " failed 3 times: " + first, first);
  }

  SynthEngine engineFor(long index) {
    if (sources.size() == 1) {
      return sources.get(0).engine();
    }
    double u = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ index).nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return sources.get(i).engine();
      }
    }
    return sources.get(sources.size() - 1).engine();
  }

  @Override
  public synchronized void close() {
    for (Future<Batch> f : ahead) {
      f.cancel(true);
    }
    ahead.clear();
    pool.shutdownNow();
  }
}
