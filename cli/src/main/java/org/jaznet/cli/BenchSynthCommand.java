package org.jaznet.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.bench.SynthBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jaznet bench synth}: images/s of the full default chain (render to JPEG), per thread and in
 * total. The last line is the contract line
 * {@code synth: <total> images/s total, <per-thread> images/s per thread, <T> threads}.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
    description = "Benchmark the synthetic engine's full default chain: images/s per thread and in total.")
final class BenchSynthCommand implements Callable<Integer> {
  @Option(names = "--threads", paramLabel = "T", description = "rendering threads (default: cores)")
  Integer threads;

  @Option(names = "--seconds", defaultValue = "20", description = "measuring time after warm-up (default: ${DEFAULT-VALUE})")
  double seconds;

  @Option(names = "--seed", defaultValue = "1", description = "run seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--dictionary", paramLabel = "FILE", description = "word list (default: dictionaries/en-90k.txt)")
  Path dictionary;

  @Option(names = "--fonts", paramLabel = "DIR", description = "fonts folder (default: fonts/)")
  Path fonts;

  @Override
  public Integer call() {
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (t < 1 || !(seconds > 0)) {
      System.err.println("jaznet bench synth: --threads and --seconds must be positive");
      return 2;
    }
    SynthConfig config = SynthConfig.defaults(seed);
    if (dictionary != null) {
      config = config.withDictionary(dictionary);
    }
    if (fonts != null) {
      config = config.withFontsDir(fonts);
    }
    SynthBenchmark.Result r;
    try {
      r = SynthBenchmark.run(config, t, Duration.ofMillis((long) (seconds * 1000)));
    } catch (SynthException e) {
      System.err.println("jaznet bench synth: " + e.getMessage());
      return 1;
    }
    System.out.printf(Locale.ROOT, "%d images in %.1f s; %.0f images per CPU-second of a rendering thread; "
            + "load average %.1f (other processes lower the wall-clock figures)%n",
        r.images(), r.seconds(), r.perCpuSecond(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.println(r.line());
    return 0;
  }
}
