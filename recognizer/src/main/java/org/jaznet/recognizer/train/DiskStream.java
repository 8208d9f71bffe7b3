package org.jaznet.recognizer.train;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.eval.LabelledDataset;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches of labelled images from disk, decoded in background threads. Batch {@code k} draws its items
 * uniformly (with replacement) with a generator seeded by (seed, k), so a resumed run continues the same
 * sequence. Items the filter rejects (e.g. validation items) are never drawn. An unreadable image is
 * logged, counted and replaced by another draw; the stream fails if most draws fail.
 */
public final class DiskStream implements BatchSource {
  private static final Logger LOG = LoggerFactory.getLogger(DiskStream.class);

  private final LabelledDataset data;
  private final int[] items;
  private final int batch;
  private final long seed;
  private final ExecutorService pool;
  private final Deque<Future<Batch>> ahead = new ArrayDeque<>();
  private final int depth;
  private final AtomicLong failures = new AtomicLong();
  private long nextToSubmit;

  /**
   * @param firstBatch the number of the first batch (the step a resumed run starts at)
   * @param allowed which dataset items may be drawn
   */
  public DiskStream(LabelledDataset data, IntPredicate allowed, int batch, int threads, long firstBatch, long seed) {
    if (batch < 1 || threads < 1 || firstBatch < 0) {
      throw new IllegalArgumentException("batch and threads must be >= 1 and firstBatch >= 0, got "
          + batch + ", " + threads + ", " + firstBatch);
    }
    List<Integer> ok = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      if (allowed.test(i)) {
        ok.add(i);
      }
    }
    if (ok.isEmpty()) {
      throw new IllegalArgumentException("dataset " + data.name() + " has no items left for training");
    }
    this.data = data;
    this.items = ok.stream().mapToInt(Integer::intValue).toArray();
    this.batch = batch;
    this.seed = seed;
    this.nextToSubmit = firstBatch;
    this.depth = threads * 2;
    this.pool = Executors.newFixedThreadPool(threads, SynthStream.daemonThreads("disk-stream"));
  }

  /** Images that could not be decoded so far. */
  public long failures() {
    return failures.get();
  }

  @Override
  public synchronized Batch next() throws InterruptedException {
    while (ahead.size() < depth) {
      long k = nextToSubmit++;
      ahead.addLast(pool.submit(() -> load(k)));
    }
    Future<Batch> f = ahead.removeFirst();
    long k = nextToSubmit++;
    ahead.addLast(pool.submit(() -> load(k)));
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("reading a batch from " + data.name() + " failed: " + e.getCause(), e.getCause());
    }
  }

  Batch load(long k) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + k);
    float[] pixels = new float[batch * Preprocessor.SIZE];
    List<String> words = new ArrayList<>(batch);
    int tries = 0;
    while (words.size() < batch) {
      if (++tries > batch * 10) {
        throw new IllegalStateException("most images of " + data.name() + " cannot be read ("
            + failures.get() + " failures so far)");
      }
      int i = items[r.nextInt(items.length)];
      try {
        Preprocessor.toInput(data.image(i), pixels, words.size() * Preprocessor.SIZE);
        words.add(data.label(i));
      } catch (IOException | RecognizerException e) {
        failures.incrementAndGet();
        LOG.warn("skipping training image {}: {}", data.id(i), e.getMessage());
      }
    }
    return new Batch(pixels, words);
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
