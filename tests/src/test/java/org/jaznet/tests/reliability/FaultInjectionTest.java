package org.jaznet.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.recognizer.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: the {@code jaznet} CLI in a child JVM is killed with SIGKILL in the middle of its
 * work, then run again. Sizes are small by default; {@code -Djaznet.long=true} runs the long variants
 * (more images, more steps, several kills).
 */
class FaultInjectionTest {
  static final boolean LONG = Boolean.getBoolean("jaznet.long");
  private static final List<String> JVM = List.of("-Xmx1g");
  private static final List<String> WORDS = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
      "hotel", "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra",
      "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu", "river", "stone", "light", "paper");

  @TempDir Path tmp;

  @Test
  void synthCli_killedThenResumed_byteIdenticalToUninterrupted() throws Exception {
    Path dict = Files.write(tmp.resolve("words.txt"), WORDS, StandardCharsets.UTF_8);
    int count = LONG ? 20_000 : 2_000;
    int kills = LONG ? 3 : 1;
    Path killed = tmp.resolve("killed");
    List<String> args = List.of("synth", "--count", Integer.toString(count), "--seed", "11", "--threads", "2",
        "--format", "mjsynth", "--dictionary", dict.toString(), "--no-progress");

    for (int k = 0; k < kills; k++) {
      List<String> a = new ArrayList<>(args);
      a.addAll(List.of("--out", killed.toString()));
      if (k > 0) {
        a.add("--resume");
      }
      long target = (long) count * (k + 1) / (kills + 2);
      Process p = ChildJvm.cli(tmp.resolve("synth-kill-" + k + ".log"), JVM, a).start();
      boolean reached = waitFor(p, Duration.ofMinutes(5), () -> Trees.count(killed, ".jpg") >= target);
      ChildJvm.kill(p);
      assertThat(reached).as("child reached %s images before the kill; log:\n%s", target,
          read(tmp.resolve("synth-kill-" + k + ".log"))).isTrue();
      assertThat(Trees.count(killed, ".jpg")).as("killed before the end").isLessThan(count);
    }
    List<String> resume = new ArrayList<>(args);
    resume.addAll(List.of("--out", killed.toString(), "--resume"));
    ChildJvm resumed = ChildJvm.cli(tmp.resolve("synth-resume.log"), JVM, resume);
    assertThat(resumed.run(Duration.ofMinutes(10))).as("resume exit; log:\n%s", resumed.output()).isZero();

    Path ref = tmp.resolve("ref");
    List<String> full = new ArrayList<>(args);
    full.addAll(List.of("--out", ref.toString()));
    ChildJvm reference = ChildJvm.cli(tmp.resolve("synth-ref.log"), JVM, full);
    assertThat(reference.run(Duration.ofMinutes(10))).as("reference exit; log:\n%s", reference.output()).isZero();

    Map<String, String> want = Trees.hashes(ref, rel -> true);
    Map<String, String> got = Trees.hashes(killed, rel -> true);
    assertThat(want).hasSizeGreaterThan(count);
    assertThat(got.keySet()).isEqualTo(want.keySet());
    assertThat(got).isEqualTo(want);
  }

  @Test
  void trainCli_killedThenResumed_continuesFromLastCompleteCheckpoint() throws Exception {
    Path dict = Files.write(tmp.resolve("words.txt"), WORDS, StandardCharsets.UTF_8);
    Path model = tmp.resolve("model.zip");
    Path ckpt = tmp.resolve("model.zip.ckpt");
    int steps = LONG ? 200 : 6;
    List<String> args = List.of("train", "--heads", "char", "--dictionary", dict.toString(), "--out", model.toString(),
        "--steps", Integer.toString(steps), "--batch", "4", "--checkpoint-minutes", LONG ? "0.05" : "0.0001", "--validate-every", "1000000",
        "--validation-size", "8", "--holdout", "0", "--log-every", "5", "--progress", "lines", "--seed", "3");

    Path killLog = tmp.resolve("train-kill.log");
    Process p = ChildJvm.cli(killLog, JVM, args).start();
    boolean reached = waitFor(p, Duration.ofMinutes(8), () -> checkpoints(ckpt).size() >= 2);
    ChildJvm.kill(p);
    assertThat(reached).as("two checkpoints before the kill; log:\n%s", read(killLog)).isTrue();
    assertThat(model).as("killed before the model was written").doesNotExist();

    List<Path> complete = checkpoints(ckpt);
    long newest = step(complete.get(0));
    // what a crash in the middle of writing leaves: a newer checkpoint file cut short
    byte[] whole = Files.readAllBytes(complete.get(0));
    Path torn = ckpt.resolve(String.format("step-%012d.ckpt", newest + 1000));
    Files.write(torn, java.util.Arrays.copyOf(whole, whole.length / 2));

    List<String> resume = new ArrayList<>(args);
    resume.add("--resume");
    Path resumeLog = tmp.resolve("train-resume.log");
    ChildJvm resumed = ChildJvm.cli(resumeLog, JVM, resume);
    assertThat(resumed.run(Duration.ofMinutes(10))).as("resume exit; log:\n%s", read(resumeLog)).isZero();

    String log = read(resumeLog);
    Matcher m = Pattern.compile("resumed from (step-\\d+\\.ckpt) at step (\\d+)").matcher(log);
    assertThat(m.find()).as("resume line in:\n%s", log).isTrue();
    assertThat(m.group(1)).isEqualTo(complete.get(0).getFileName().toString());
    assertThat(Long.parseLong(m.group(2))).isEqualTo(newest).isPositive().isLessThan(steps);
    JazNet net = ModelFile.load(model);
    assertThat(net.spec().heads()).containsExactly(HeadKind.CHAR);
  }

  @Test
  void batchCli_killedThenRerun_completeOutputWithoutDuplicates() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("words"));
    int n = LONG ? 2_000 : 200;
    Set<String> inputs = new HashSet<>();
    for (int i = 0; i < n; i++) {
      Path f = in.resolve(String.format("w%05d.png", i));
      Files.write(f, HostileCorpus.png(HostileCorpus.word(WORDS.get(i % WORDS.size()))));
      inputs.add(f.toString());
    }
    Files.write(in.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    inputs.add(in.resolve("broken.png").toString());
    Path model = tmp.resolve("char.zip");
    ModelFile.save(JazNet.create(ModelSpec.of(Arch.SMALL, EnumSet.of(HeadKind.CHAR), List.of(), List.of()), 9), model);
    Path out = tmp.resolve("out");
    List<String> args = List.of("batch", "--input", in + "/*.png", "--output", out.toString(), "--model", model.toString(),
        "--batch-size", "16", "--workers", "2", "--groups", "4");

    for (int k = 0; k < (LONG ? 3 : 1); k++) {
      Process p = ChildJvm.cli(tmp.resolve("batch-kill-" + k + ".log"), JVM, args).start();
      // kill once the run has started writing (its staging folder exists), or after 20 s
      waitFor(p, Duration.ofSeconds(20 + 10L * k), () -> hasTempOutput(out));
      boolean finished = !p.isAlive();
      ChildJvm.kill(p);
      assertThat(finished).as("the run was still going when killed").isFalse();
    }
    ChildJvm again = ChildJvm.cli(tmp.resolve("batch-rerun.log"), JVM, args);
    assertThat(again.run(Duration.ofMinutes(10))).as("rerun exit; log:\n%s", again.output()).isZero();

    BatchOutput o = BatchOutput.read(out);
    List<String> all = new ArrayList<>(o.resultSources());
    o.failureReasons().forEach((k, v) -> v.forEach(x -> all.add(k)));
    assertThat(all).as("every input exactly once over results and failures").doesNotHaveDuplicates();
    assertThat(new HashSet<>(all)).isEqualTo(inputs);
  }

  private static boolean hasTempOutput(Path out) {
    if (!Files.isDirectory(out)) {
      return false;
    }
    try (Stream<Path> s = Files.list(out)) {
      // the batch pipeline stages its output in .run-<id>/ (with Beam's .temp-beam-* inside) until it ends
      return s.anyMatch(p -> p.getFileName().toString().startsWith(".run-") || p.getFileName().toString().startsWith(".temp-beam"));
    } catch (IOException e) {
      return false;
    }
  }

  private static List<Path> checkpoints(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("step-\\d+\\.ckpt"))
          .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString())).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static long step(Path ckpt) {
    String n = ckpt.getFileName().toString();
    return Long.parseLong(n.substring(5, n.length() - 5));
  }

  /** Polls {@code done} every 50 ms while the child lives; true once it holds. */
  private static boolean waitFor(Process p, Duration max, BooleanSupplier done) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < end) {
      if (done.getAsBoolean()) {
        return true;
      }
      if (!p.isAlive()) {
        return done.getAsBoolean();
      }
      Thread.sleep(50);
    }
    return false;
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
  }
}
