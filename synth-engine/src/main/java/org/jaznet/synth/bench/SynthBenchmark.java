package org.jaznet.synth.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
   * @param perCpuSecond images per second of CPU time actually given to the rendering threads: the
   *     throughput one thread would reach on an otherwise idle core (wall-clock figures drop when other
   *     processes share the machine)
   */
  public record Result(double totalPerSecond, double perThreadPerSecond, int threads, long images, double seconds,
      double perCpuSecond) {
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

  /**
   * Measures an already loaded engine in its steady state. Warm-up: a third of the duration, at least
   * three seconds (the shared glyph caches fill during the first few thousand images).
   */
  public static Result run(SynthEngine engine, int threads, Duration duration) {
    return run(engine, threads, Duration.ofNanos(Math.max(3_000_000_000L, duration.toNanos() / 3)), duration);
  }

  /** Measures an already loaded engine for {@code duration} after a warm-up of {@code warmUp}. */
  public static Result run(SynthEngine engine, int threads, Duration warmUp, Duration duration) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration must be positive, got " + duration);
    }
    if (warmUp.isNegative()) {
      throw new IllegalArgumentException("warm-up must not be negative, got " + warmUp);
    }
    long warmNanos = warmUp.toNanos();
    long measureNanos = duration.toNanos();
    AtomicLong counted = new AtomicLong();
    AtomicLong cpuNanos = new AtomicLong();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
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
        long cpuStart = -1;
        while (true) {
          long now = System.nanoTime();
          if (now >= end) {
            break;
          }
          if (cpuStart < 0 && now >= measureStart) {
            cpuStart = mx.getCurrentThreadCpuTime();
          }
          SynthSample s = engine.render(index);
          sink += s.jpeg().length;
          index += threads;
          if (now >= measureStart) {
            n++;
          }
        }
        if (cpuStart >= 0) {
          cpuNanos.addAndGet(mx.getCurrentThreadCpuTime() - cpuStart);
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
    double perCpu = cpuNanos.get() > 0 ? counted.get() / (cpuNanos.get() / 1e9) : 0;
    return new Result(total, total / threads, threads, counted.get(), seconds, perCpu);
  }

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    Result r = run(SynthConfig.defaults(seed), threads, Duration.ofSeconds(seconds));
    System.out.printf(Locale.ROOT, "synth: %d images in %.1f s; %.0f images per CPU-second of a rendering thread"
        + " (load average %.1f)%n", r.images(), r.seconds(), r.perCpuSecond(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println(r.line());
  }
}
