package org.jaznet.synth.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.SynthSample;

/**
 * Measures the full default chain (text to JPEG bytes) on {@code threads} threads: each thread renders
 * its own indices for a warm-up period, then for the measured duration.
 *
 * <p>{@code main} arguments: {@code [threads=2] [seconds=10] [seed=1]}; it ends with the line
 * {@code synth: <total> images/s total, <per-thread> images/s per thread, <T> threads}.
 */
public final class SynthBenchmark {
  /**
   * Result of a run.
   *
   * @param totalPerSecond images per second, all threads together
   * @param perThreadPerSecond images per second per thread (total / threads)
   * @param threads thread count
   * @param images images rendered in the measured period
   * @param seconds measured period
   */
  public record Result(double totalPerSecond, double perThreadPerSecond, int threads, long images, double seconds) {
    /** The contract line printed by the CLI. */
    public String line() {
      return String.format(Locale.ROOT, "synth: %.0f images/s total, %.0f images/s per thread, %d threads",
          totalPerSecond, perThreadPerSecond, threads);
    }
  }

  private SynthBenchmark() {}

  /** Loads the engine from {@code config} and measures it. */
  public static Result run(SynthConfig config, int threads, Duration duration) throws SynthException {
    return run(SynthEngine.create(config), threads, duration);
  }

  /** Measures an already loaded engine. Warm-up: a fifth of the duration, at least one second. */
  public static Result run(SynthEngine engine, int threads, Duration duration) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive, got " + duration);
    }
    long warmNanos = Math.max(1_000_000_000L, duration.toNanos() / 5);
    long measureNanos = duration.toNanos();
    AtomicLong counted = new AtomicLong();
    long start = System.nanoTime();
    long measureStart = start + warmNanos;
    long end = measureStart + measureNanos;
    List<Thread> ts = new ArrayList<>();
    List<Throwable> errors = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      final int id = t;
      Thread th = new Thread(() -> {
        long n = 0;
        long index = id;
        long sink = 0;
        while (true) {
          long now = System.nanoTime();
          if (now >= end) {
            break;
          }
          SynthSample s = engine.render(index);
          sink += s.jpeg().length;
          index += threads;
          if (now >= measureStart) {
            n++;
          }
        }
        counted.addAndGet(n + (sink == -1 ? 1 : 0));
      }, "synth-bench-" + t);
      th.setUncaughtExceptionHandler((x, e) -> {
        synchronized (errors) {
          errors.add(e);
        }
      });
      ts.add(th);
      th.start();
    }
    for (Thread th : ts) {
      try {
        th.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalStateException("benchmark thread failed: " + errors.get(0), errors.get(0));
    }
    double seconds = measureNanos / 1e9;
    double total = counted.get() / seconds;
    return new Result(total, total / threads, threads, counted.get(), seconds);
  }

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    Result r = run(SynthConfig.defaults(seed), threads, Duration.ofSeconds(seconds));
    System.out.println(r.line());
  }
}
