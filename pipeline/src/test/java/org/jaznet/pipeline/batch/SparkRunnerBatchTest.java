package org.jaznet.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.SparkRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.synth.ProjectPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch pipeline on Spark ({@code local[2]}, in this JVM) writes the same files, byte for byte, as on
 * the DirectRunner: the same check as the Flink one in {@link BatchPipelineTest}.
 */
class SparkRunnerBatchTest {
  private static Path model;

  @TempDir Path dir;

  @BeforeAll
  static void findModel(@TempDir Path tmp) throws Exception {
    model = ProjectPaths.home().resolve("models").resolve("tiny-50.zip");
    if (!Files.isRegularFile(model)) {
      model = tmp.resolve("untrained.zip");
      List<String> words = List.of("grey", "deep", "palette", "alpha", "cmyk", "exif", "anim", "bmp", "tiff", "page");
      List<String> grams = "abcdefghijklmnopqrstuvwxyz".chars().mapToObj(ch -> String.valueOf((char) ch)).toList();
      ModelFile.save(JazNet.create(org.jaznet.recognizer.model.ModelSpec.of(Arch.SMALL, EnumSet.allOf(HeadKind.class),
          words, grams), 1), model);
    }
  }

  @Test
  void run_directAndSparkLocal2_byteIdenticalOutput() throws Exception {
    Corpus c = Corpus.write(dir.resolve("corpus"));
    Path labels = c.writeLabels();
    Path direct = dir.resolve("direct");
    Path spark = dir.resolve("spark");
    BatchSummary d = BatchPipeline.run(options(c, labels, direct, RunnerKind.DIRECT));
    BatchOptions so = options(c, labels, spark, RunnerKind.SPARK);
    assertThat(so.getRunner()).isEqualTo(SparkRunner.class);
    SparkPipelineOptions sp = so.as(SparkPipelineOptions.class);
    assertThat(sp.getSparkMaster()).isEqualTo("local[2]");
    sp.setSparkMaster("local[2]");
    BatchSummary s = BatchPipeline.run(so);

    long good = c.expected.values().stream().filter(v -> v).count();
    assertThat(d.results()).isEqualTo(good);
    assertThat(s.results()).isEqualTo(d.results());
    assertThat(s.failures()).isEqualTo(d.failures());
    List<String> names = names(direct);
    assertThat(names).contains("accuracy.tsv").anyMatch(n -> n.startsWith("results-"));
    assertThat(names(spark)).isEqualTo(names);
    for (String n : names) {
      assertThat(Files.readAllBytes(spark.resolve(n))).as(n).isEqualTo(Files.readAllBytes(direct.resolve(n)));
    }
  }

  private BatchOptions options(Corpus c, Path labels, Path out, RunnerKind runner) {
    BatchOptions o = PipelineOptionsFactory.create().as(BatchOptions.class);
    o.setInput(c.glob());
    o.setOutput(out.toString());
    o.setModel(model.toString());
    o.setBatchSize(4);
    o.setGroups(4);
    o.setLabels(labels.toString());
    runner.configure(o, 2);
    return o;
  }

  private static List<String> names(Path out) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
