package org.jaznet.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.jaznet.pipeline.batch.BatchOptions;
import org.jaznet.pipeline.batch.BatchPipeline;
import org.jaznet.pipeline.batch.BatchSummary;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.recognizer.model.ModelSpec;
import org.jaznet.tests.reliability.HostileCorpus.Case;
import org.jaznet.tests.reliability.HostileCorpus.Expect;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-inputs corpus through the real batch pipeline (DirectRunner, real decoding, a real if
 * untrained model): every input ends as a reading or a failure record with a clear reason, the run
 * completes, nothing is written outside the output folder; and the decompression bombs are refused from
 * their headers in a child JVM whose heap could not hold their pixels.
 */
class HostileInputsTest {
  @TempDir static Path root;
  private static Path model;

  @BeforeAll
  static void model() throws Exception {
    model = root.resolve("char-only.zip");
    ModelFile.save(JazNet.create(ModelSpec.of(Arch.SMALL, EnumSet.of(HeadKind.CHAR), List.of(), List.of()), 5), model);
  }

  @Test
  void batch_hostileCorpus_everyInputIsAResultOrAClearFailure() throws Exception {
    HostileCorpus c = HostileCorpus.write(root.resolve("corpus"));
    Path manifest = c.boxManifest();
    Path out = root.resolve("out-glob");
    Path outBoxes = root.resolve("out-boxes");

    BatchSummary s1 = BatchPipeline.run(options(c.dir + "/**", out));
    BatchSummary s2 = BatchPipeline.run(options(manifest.toString(), outBoxes));

    BatchOutput o1 = BatchOutput.read(out);
    BatchOutput o2 = BatchOutput.read(outBoxes);
    List<String> results = new ArrayList<>(o1.resultSources());
    results.addAll(o2.resultSources());
    Map<String, List<String>> failures = new java.util.LinkedHashMap<>(o1.failureReasons());
    o2.failureReasons().forEach((k, v) -> failures.merge(k, v, (a, b) -> {
      List<String> all = new ArrayList<>(a);
      all.addAll(b);
      return all;
    }));

    assertSoftly(soft -> {
      for (Case k : c.cases) {
        if (k.expect() == Expect.EITHER) {
          soft.assertThat(results.contains(k.source()) != failures.containsKey(k.source()))
              .as("%s (%s) is exactly one of a result or a failure", k.name(), k.source()).isTrue();
        } else if (k.expect() == Expect.RESULT) {
          soft.assertThat(results).as("%s (%s) should be read", k.name(), k.source()).contains(k.source());
          soft.assertThat(failures).as("%s should not fail", k.name()).doesNotContainKey(k.source());
        } else {
          soft.assertThat(results).as("%s should not be read", k.name()).doesNotContain(k.source());
          soft.assertThat(failures).as("%s (%s) should be a failure record", k.name(), k.source()).containsKey(k.source());
          if (failures.containsKey(k.source())) {
            soft.assertThat(String.join(" | ", failures.get(k.source())).toLowerCase())
                .as("reason for %s", k.name()).contains(k.reason()).doesNotContain("null");
          }
        }
      }
      soft.assertThat(results).as("no source read twice").doesNotHaveDuplicates();
      soft.assertThat(c.mustNotExist).allSatisfy(p -> assertThat(p).doesNotExist());
    });
    // every source that the corpus does not name still has to be accounted for once
    List<String> named = c.cases.stream().map(Case::source).toList();
    assertThat(failures.keySet().stream().filter(k -> !named.contains(k)).collect(Collectors.toList()))
        .as("unexpected failure records").isEmpty();
    assertThat(s1.failures() + s2.failures()).isEqualTo(o1.failureCount() + o2.failureCount());
  }

  @Test
  void decode_bombsUnderSmallHeap_refusedFromHeaderWithoutDying() throws Exception {
    Path dir = Files.createDirectories(root.resolve("bombs"));
    List<String> files = new ArrayList<>();
    files.add(Files.write(dir.resolve("bomb.png"), HostileCorpus.pngBomb(50_000, 50_000)).toString());
    files.add(Files.write(dir.resolve("wide.png"), HostileCorpus.pngBomb(1, 100_000)).toString());
    files.add(Files.write(dir.resolve("bomb.jpg"), Bombs.jpeg(50_000, 50_000)).toString());
    files.add(Files.write(dir.resolve("bomb.gif"), Bombs.gif(50_000, 50_000)).toString());
    files.add(Files.write(dir.resolve("bomb.bmp"), Bombs.bmp(50_000, 50_000)).toString());
    Path log = root.resolve("bombs.log");

    int exit = ChildJvm.of(log, List.of("-Xmx96m"), DecodeProbe.class.getName(), files).run(Duration.ofMinutes(3));

    String out = Files.readString(log);
    assertThat(exit).as("child exit code; output:\n%s", out).isZero();
    assertThat(out).contains("MAXHEAP").contains("END").doesNotContain("CRASH").doesNotContain("DECODED");
    assertThat(out.lines().filter(l -> l.startsWith("pipeline ")))
        .hasSize(files.size()).allSatisfy(l -> assertThat(l).contains("REFUSED").contains("refused before decoding"));
    assertThat(out.lines().filter(l -> l.startsWith("recognizer ")))
        .hasSize(files.size()).allSatisfy(l -> assertThat(l).contains("REFUSED"));
  }

  private static BatchOptions options(String input, Path out) {
    BatchOptions o = PipelineOptionsFactory.fromArgs("--runner=DirectRunner", "--targetParallelism=2").as(BatchOptions.class);
    o.setInput(input);
    o.setOutput(out.toString());
    o.setModel(model.toString());
    o.setBatchSize(8);
    o.setGroups(2);
    return o;
  }
}
