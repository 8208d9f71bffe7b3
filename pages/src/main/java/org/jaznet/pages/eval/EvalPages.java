package org.jaznet.pages.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.jaznet.pages.PageResult;

/**
 * Runs a page reader over a {@link GroundTruthSet} and scores it ({@link PageScores}). Independent of
 * any CLI: the engine is any function from an image file to its {@link PageResult}. Throughput is pages
 * per second of wall time over the whole set (engine plus scoring), so with {@code threads > 1} it
 * measures what the machine delivers, while {@link EvalTotals#msPerPage()} is the mean engine time of
 * one page.
 */
public final class EvalPages {
  private EvalPages() {}

  /** Evaluates {@code engine} on every page of {@code set}, one page at a time. */
  public static EvalTotals evaluate(GroundTruthSet set, Function<Path, PageResult> engine) {
    return evaluate(set, engine, 1);
  }

  /**
   * Evaluates {@code engine} with {@code threads} pages in flight (the engine must then be thread-safe).
   * Per-page scores keep set order. An engine failure is rethrown (as an unchecked exception naming the
   * image) after the other pages are cancelled.
   */
  public static EvalTotals evaluate(GroundTruthSet set, Function<Path, PageResult> engine, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    long t0 = System.nanoTime();
    List<PageScores> scores = new ArrayList<>(set.size());
    if (threads == 1) {
      for (GroundTruth gt : set.pages()) {
        scores.add(one(gt, engine));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "eval-pages");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<PageScores>> futures = new ArrayList<>();
        for (GroundTruth gt : set.pages()) {
          futures.add(pool.submit(() -> one(gt, engine)));
        }
        for (Future<PageScores> f : futures) {
          scores.add(f.get());
        }
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        throw c instanceof RuntimeException re ? re : new IllegalStateException(c.getMessage(), c);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } finally {
        pool.shutdownNow();
      }
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    return new EvalTotals(scores, wall);
  }

  private static PageScores one(GroundTruth gt, Function<Path, PageResult> engine) {
    long s = System.nanoTime();
    PageResult r;
    try {
      r = engine.apply(gt.imagePath());
    } catch (RuntimeException e) {
      throw new IllegalStateException("page reader failed on " + gt.imagePath() + ": " + e.getMessage(), e);
    }
    double ms = (System.nanoTime() - s) / 1e6;
    return PageScores.score(gt, r.words(), ms);
  }
}
