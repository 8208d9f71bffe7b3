package org.jaznet.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.recognizer.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load and memory soaks, behind {@code -Djaznet.long=true} (minutes to tens of minutes). Sizes:
 * {@code -Djaznet.load.images} (default 100000) images in the batch run, {@code -Djaznet.soak.recognitions}
 * (default 1000000) and {@code -Djaznet.soak.minutes} (default 45: 1,000,000 recognitions take ~32 min on an idle machine here) for the recognizer soak. Both print
 * their figures (peak RSS, RSS over time) to the test output; {@code -Djaznet.soak.every} (default 6400) is
 * the recognitions between RSS samples. See tests/RELIABILITY.md.
 */
@EnabledIfSystemProperty(named = "jaznet.long", matches = "true")
class LoadSoakTest {
  @TempDir Path tmp;

  @Test
  void batchCli_manyImagesUnder1gHeap_memoryStaysFlat() throws Exception {
    int n = Integer.getInteger("jaznet.load.images", 100_000);
    Path in = Files.createDirectories(tmp.resolve("in"));
    // 500 distinct word images, reached through n symbolic links spread over folders of 1000
    Path originals = Files.createDirectories(tmp.resolve("originals"));
    String[] words = {"stone", "river", "light", "paper", "house", "water", "green", "table", "chair", "cloud"};
    for (int i = 0; i < 500; i++) {
      Files.write(originals.resolve(i + ".png"), HostileCorpus.png(HostileCorpus.word(words[i % words.length] + i)));
    }
    for (int i = 0; i < n; i++) {
      Path d = in.resolve(Integer.toString(i / 1000));
      if (i % 1000 == 0) {
        Files.createDirectories(d);
      }
      Files.createSymbolicLink(d.resolve(i + ".png"), originals.resolve((i % 500) + ".png"));
    }
    Path model = tmp.resolve("m.zip");
    ModelFile.save(JazNet.create(ModelSpec.of(Arch.SMALL, EnumSet.of(HeadKind.CHAR), List.of(), List.of()), 4), model);
    Path out = tmp.resolve("out");
    Path log = tmp.resolve("batch.log");
    Path gcLog = tmp.resolve("gc.log");
    ChildJvm child = ChildJvm.cli(log, List.of("-Xmx1g", "-Xlog:gc:file=" + gcLog + ":uptime"), List.of("batch", "--input", in + "/**/*.png", "--output",
        out.toString(), "--model", model.toString(), "--workers", "2", "--batch-size", "64"));

    long t0 = System.nanoTime();
    Process p = child.start();
    List<long[]> samples = new ArrayList<>();
    long peak = 0;
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    long lastFullGc = System.nanoTime();
    while (!p.waitFor(2, TimeUnit.SECONDS)) {
      if (System.nanoTime() - lastFullGc > 20e9 && Files.isExecutable(jcmd)) {
        // a full collection every 20 s: the heap after it is the live data
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(p.pid()), "GC.run").redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!gc.waitFor(30, TimeUnit.SECONDS)) {
          gc.destroyForcibly();
        }
        lastFullGc = System.nanoTime();
      }
      long rss = ChildJvm.rssKb(p.pid());
      long hwm = ChildJvm.peakRssKb(p.pid());
      if (rss > 0) {
        samples.add(new long[] {(System.nanoTime() - t0) / 1_000_000_000L, rss});
        peak = Math.max(peak, hwm);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(p.exitValue()).as("exit; log tail:\n%s", tail(log)).isZero();
    BatchOutput o = BatchOutput.read(out);
    System.out.printf("LOAD batch: %d images in %.0f s (%.0f img/s), peak RSS (VmHWM) %d MB, RSS samples (s:MB) %s%n",
        n, seconds, n / seconds, peak / 1024, summary(samples));
    assertThat(o.resultSources().size() + o.failureCount()).isEqualTo(n);
    // The RSS counts the heap G1 has committed, which it grows during allocation bursts (the output
    // phase at the end) up to -Xmx whatever the live data: bounded by -Xmx1g plus native memory. "Flat"
    // is asked of what stays alive: the heap after the periodic full collections, last third of the run
    // vs middle third.
    List<long[]> live = liveHeapAfterGc(gcLog);
    System.out.printf("LOAD batch: live heap after full GC (s:MB) %s%n", summary(live));
    assertThat(peak / 1024).as("peak RSS MB with -Xmx1g (1 GB heap + native)").isLessThan(2048);
    assertThat(live).as("full collections in the GC log (jcmd GC.run every 20 s)").hasSizeGreaterThan(5);
    // growth, not a ratio (a ratio of thirds lets a linear leak of ~1.7 KB per image pass): the live heap
    // at the end may exceed its lowest value after the first third (warm-up: model, listing) by 16 MB
    long warm = minRss(live.subList(live.size() / 3, live.size()));
    long end = live.get(live.size() - 1)[1];
    long top = maxRss(live, 2, 3);
    System.out.printf("LOAD batch: live heap after warm-up %d MB, highest in the last third %d MB, last %d MB%n",
        warm / 1024, top / 1024, end / 1024);
    assertThat(top - warm).as("live heap growth after warm-up (kB) over %d images", n).isLessThanOrEqualTo(16 * 1024);
  }

  private static long minRss(List<long[]> samples) {
    long m = Long.MAX_VALUE;
    for (long[] s : samples) {
      m = Math.min(m, s[1]);
    }
    return m;
  }

  /** (uptime seconds, heap after the collection in kB) of every full collection in a -Xlog:gc file. */
  static List<long[]> liveHeapAfterGc(Path gcLog) throws IOException {
    java.util.regex.Pattern p = java.util.regex.Pattern.compile("^\\[([0-9.]+)s\\].*Pause Full.*->(\\d+)M\\(");
    List<long[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      java.util.regex.Matcher m = p.matcher(line);
      if (m.find()) {
        out.add(new long[] {(long) Double.parseDouble(m.group(1)), Long.parseLong(m.group(2)) * 1024});
      }
    }
    return out;
  }

  @Test
  void recognizer_longSoak_noNativeMemoryGrowth() throws Exception {
    long max = Long.getLong("jaznet.soak.recognitions", 1_000_000L);
    double minutes = Double.parseDouble(System.getProperty("jaznet.soak.minutes", "45"));
    Path log = tmp.resolve("soak.log");
    ChildJvm child = ChildJvm.of(log, List.of("-Xmx1g"), RecognizeSoak.class.getName(),
        List.of(Long.toString(max), Double.toString(minutes), Long.getLong("jaznet.soak.every", 6400L).toString()));
    assertThat(child.run(Duration.ofMinutes((long) minutes + 10))).as("soak exit; log:\n%s", tail(log)).isZero();
    List<long[]> rss = new ArrayList<>();
    String done = "";
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      String[] f = line.split(" ");
      if (line.startsWith("RSS ")) {
        rss.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
      } else if (line.startsWith("DONE ")) {
        done = line;
      }
    }
    assertThat(rss).as("RSS samples (lower -Djaznet.soak.every on a slow machine)").hasSizeGreaterThan(4);
    long warm = rss.get(rss.size() / 10)[1];
    long end = rss.get(rss.size() - 1)[1];
    System.out.printf("SOAK recognizer: %s; RSS after warm-up (%d recognitions) %d MB, at the end (%d) %d MB%n",
        done, rss.get(rss.size() / 10)[0], warm / 1024, rss.get(rss.size() - 1)[0], end / 1024);
    assertThat(end).as("RSS at the end vs after warm-up (kB)").isLessThanOrEqualTo(warm + warm / 10);
  }

  private static long maxRss(List<long[]> samples, int part, int parts) {
    int from = samples.size() * part / parts;
    int to = Math.max(from + 1, samples.size() * (part + 1) / parts);
    long m = 0;
    for (int i = from; i < Math.min(to, samples.size()); i++) {
      m = Math.max(m, samples.get(i)[1]);
    }
    return m;
  }

  private static String summary(List<long[]> samples) {
    StringBuilder sb = new StringBuilder();
    int step = Math.max(1, samples.size() / 12);
    for (int i = 0; i < samples.size(); i += step) {
      sb.append(samples.get(i)[0]).append(':').append(samples.get(i)[1] / 1024).append(' ');
    }
    return sb.toString().strip();
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> l = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", l.subList(Math.max(0, l.size() - 40), l.size()));
  }
}
