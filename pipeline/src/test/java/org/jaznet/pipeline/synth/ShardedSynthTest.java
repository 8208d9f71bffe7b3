package org.jaznet.pipeline.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jaznet.pipeline.batch.RunnerKind;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.run.OutputFormat;
import org.jaznet.synth.run.ProgressListener;
import org.jaznet.synth.run.RunConfig;
import org.jaznet.synth.run.SynthRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class ShardedSynthTest {
  private static final int COUNT = 80;
  @TempDir Path dir;

  private static RunConfig runConfig(Path out) {
    return RunConfig.of(COUNT, out).withFormat(OutputFormat.MJSYNTH).withCharBoxes(true);
  }

  @Test
  void run_directShards_byteIdenticalToSingleProcess() throws Exception {
    assertShardedMatchesSingle(RunnerKind.DIRECT, List.of());
  }

  /** The same on an embedded Flink cluster (about 20 s of start-up): {@code -Djaznet.heavy=true}. */
  @Test
  @EnabledIfSystemProperty(named = "jaznet.heavy", matches = "true")
  void run_flinkShards_byteIdenticalToSingleProcess() throws Exception {
    assertShardedMatchesSingle(RunnerKind.FLINK, List.of("--flinkMaster=[local]"));
  }

  private void assertShardedMatchesSingle(RunnerKind runner, List<String> args) throws Exception {
    SynthConfig config = SynthConfig.defaults(42);
    Path single = dir.resolve("single");
    new SynthRun(SynthEngine.create(config), runConfig(single).withThreads(1)).run(ProgressListener.NONE);
    Path sharded = dir.resolve("sharded");
    ShardedSynth.run(SynthSpec.of(config, runConfig(sharded)),
        ShardedSynth.Plan.of(runner, 2).withShardSize(24).withRunnerArgs(args));
    Map<String, byte[]> expected = tree(single);
    assertThat(expected.keySet().stream().filter(k -> k.endsWith(".jpg"))).hasSize(COUNT);
    assertThat(expected).containsKeys("labels.tsv", "annotation.txt", "lexicon.txt", "charboxes.jsonl");
    assertSameTree(tree(sharded), expected);
  }

  @Test
  void run_oneShardAgain_restoresItsImagesOnly() throws Exception {
    SynthConfig config = SynthConfig.defaults(7);
    Path out = dir.resolve("out");
    SynthSpec spec = SynthSpec.of(config, runConfig(out).withCharBoxes(false));
    ShardedSynth.run(spec, ShardedSynth.Plan.of(RunnerKind.DIRECT, 2).withShardSize(32));
    Map<String, byte[]> before = tree(out);
    List<String> jpgs = before.keySet().stream().filter(k -> k.endsWith(".jpg")).sorted().toList();
    // MJSynth names start with the sample index: delete two samples of shard 1 (32..63) and one of shard 0
    List<String> gone = jpgs.stream().filter(k -> {
      int n = Integer.parseInt(Path.of(k).getFileName().toString().split("_")[0]);
      return n == 40 || n == 50 || n == 3;
    }).toList();
    assertThat(gone).hasSize(3);
    for (String k : gone) {
      Files.delete(out.resolve(k));
    }
    ShardedSynth.run(spec, ShardedSynth.Plan.of(RunnerKind.DIRECT, 1).withShardSize(32).withOnly(List.of(1L)));
    Map<String, byte[]> after = tree(out);
    assertThat(after).hasSize(before.size() - 1);
    for (Map.Entry<String, byte[]> e : after.entrySet()) {
      assertThat(e.getValue()).as(e.getKey()).isEqualTo(before.get(e.getKey()));
    }
    // shard 1's images are back, byte for byte; shard 0 was not rendered again
    assertThat(index(gone.stream().filter(k -> !after.containsKey(k)).toList())).containsExactly(3);
  }

  @Test
  void run_nonEmptyOutputWithoutResume_refused() throws Exception {
    Path out = dir.resolve("busy");
    Files.createDirectories(out);
    Files.writeString(out.resolve("x.txt"), "x");
    assertThatThrownBy(() -> ShardedSynth.run(SynthSpec.of(SynthConfig.defaults(1), runConfig(out)),
        ShardedSynth.Plan.of(RunnerKind.DIRECT, 1))).hasMessageContaining("is not empty");
    assertThatThrownBy(() -> SynthSpec.of(SynthConfig.defaults(1), runConfig(out).withFormat(OutputFormat.LMDB)))
        .hasMessageContaining("LMDB");
  }

  private static List<Integer> index(List<String> paths) {
    return paths.stream().map(k -> Integer.parseInt(Path.of(k).getFileName().toString().split("_")[0])).toList();
  }

  private static void assertSameTree(Map<String, byte[]> got, Map<String, byte[]> expected) {
    assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      assertThat(got.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  private static Map<String, byte[]> tree(Path root) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        m.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return m;
  }
}
