package org.jaznet.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.jaznet.pipeline.io.InputSpec;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.synth.ProjectPaths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole batch pipeline with the real recognizer and the small test model {@code models/tiny-50.zip}.
 * Where that file is absent (a fresh clone before the model is trained), an untrained network of the
 * same code path is saved and loaded instead: readings are then meaningless but every other check holds.
 */
class BatchPipelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();
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
  void recognizeWords_oddAndBrokenCorpus_resultsPlusFailuresEqualInputs() throws Throwable {
    Corpus c = Corpus.write(dir).withArchivesAndManifest();
    BeamTests.withPipeline(getClass(), "corpus", p -> {
      PCollectionTuple refs = p.apply(ReadImages.from(List.of(InputSpec.parse(c.glob()),
          InputSpec.parse(c.abs("words.zip")), InputSpec.parse(c.abs("more.tgz")), InputSpec.parse(c.abs("boxes.csv")))));
      PCollectionTuple read = refs.get(BatchTags.REFS)
          .apply(RecognizeWords.with(ModelSpec.file(model.toString())).withBatchSize(3).withGroups(3));
      PCollection<String> ok = read.get(BatchTags.RESULTS)
          .apply("ResultSources", MapElements.into(TypeDescriptors.strings()).via(WordResult::source));
      PCollection<String> failed = PCollectionList2.flatten(refs.get(BatchTags.FAILURES), read.get(BatchTags.FAILURES))
          .apply("FailureSources", MapElements.into(TypeDescriptors.strings()).via(Failure::source));
      PAssert.that(ok).containsInAnyOrder(expected(c, true));
      PAssert.that(failed).containsInAnyOrder(expected(c, false));
      PAssert.that(read.get(BatchTags.RESULTS)).satisfies(rs -> {
        for (WordResult r : rs) {
          assertThat(r.confidence()).isBetween(0.0, 1.0);
          assertThat(r.perHead()).isNotEmpty();
        }
        return null;
      });
      String root = c.abs("");
      PAssert.that(read.get(BatchTags.FAILURES)).satisfies(fs -> {
        Map<String, String> why = new java.util.HashMap<>();
        fs.forEach(f -> why.put(f.source().substring(root.length()), f.reason()));
        assertThat(why.get("img/huge.png")).contains("50000x50000").contains("refused");
        assertThat(why.get("img/line.png")).contains("100000x1");
        assertThat(why.get("img/empty.png")).contains("empty file");
        assertThat(why.get("img/text.jpg")).contains("not an image");
        assertThat(why.get("img/cut.jpg")).contains("truncated");
        assertThat(why.get("page.png#90,0,60,32")).contains("outside");
        assertThat(why.get("missing.png#0,0,10,10")).contains("not found");
        assertThat(why.get("words.zip!w/bad.png")).isNotBlank();
        return null;
      });
      p.run().waitUntilFinish();
    });
  }

  @Test
  void run_directAndEmbeddedFlink_identicalOutputAndOneModelLoad() throws Exception {
    Corpus c = Corpus.write(dir.resolve("corpus"));
    Path labels = c.writeLabels();
    Path direct = dir.resolve("direct");
    Path flink = dir.resolve("flink");
    BatchOptions first = options(c, labels, direct, RunnerKind.DIRECT);
    first.setGroups(3);
    BatchPipeline.run(first);
    // a rerun into the same folder with another group (file) count replaces the output, never adds to it
    BatchSummary d = BatchPipeline.run(options(c, labels, direct, RunnerKind.DIRECT));
    int loadsAfterDirect = Models.loadCount();
    BatchOptions fo = options(c, labels, flink, RunnerKind.FLINK);
    fo.as(FlinkPipelineOptions.class).setFlinkMaster("[local]");
    BatchSummary f = BatchPipeline.run(fo);

    long good = c.expected.values().stream().filter(v -> v).count();
    assertThat(d.results()).isEqualTo(good);
    assertThat(d.failures()).isEqualTo(c.expected.size() - good);
    assertThat(f.results()).isEqualTo(d.results());
    assertThat(f.failures()).isEqualTo(d.failures());
    assertThat(d.bytes()).isPositive();
    assertThat(Models.loadCount()).isEqualTo(loadsAfterDirect);

    List<String> resultsDirect = lines(direct, "results-");
    List<String> failuresDirect = lines(direct, "failures-");
    assertThat(resultsDirect).hasSize((int) good).doesNotHaveDuplicates();
    try (Stream<Path> s = Files.list(direct)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".run-"));
    }
    assertThat(failuresDirect).hasSize(c.expected.size() - (int) good);
    assertThat(lines(flink, "results-")).isEqualTo(resultsDirect);
    assertThat(lines(flink, "failures-")).isEqualTo(failuresDirect);
    for (String line : resultsDirect) {
      JsonNode n = JSON.readTree(line);
      assertThat(n.get("source").asText()).startsWith(c.root.toAbsolutePath().toString());
      assertThat(n.has("text") && n.has("confidence") && n.has("perHead")).isTrue();
    }
    for (String line : failuresDirect) {
      assertThat(JSON.readTree(line).get("reason").asText()).isNotBlank();
    }
    List<String> accuracy = Files.readAllLines(direct.resolve("accuracy.tsv"));
    assertThat(accuracy).anyMatch(l -> l.startsWith("fused\t" + c.labels.size() + "\t"));
    assertThat(Files.readAllLines(flink.resolve("accuracy.tsv"))).isEqualTo(accuracy);
  }

  @Test
  void run_csv_oneResultsAndFailuresFilePerGroupWithHeaderAndListingFailuresApart() throws Exception {
    Corpus c = Corpus.write(dir.resolve("corpus")).withArchivesAndManifest();
    Path out = dir.resolve("csv");
    BatchOptions o = options(c, null, out, RunnerKind.DIRECT);
    o.setInput(c.root.resolve("boxes.csv").toString());
    o.setFormat(OutputFormat.CSV);
    o.setGroups(2);
    BatchSummary s = BatchPipeline.run(o);

    List<String> names;
    try (Stream<Path> files = Files.list(out)) {
      names = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    // boxes.csv reads one page: every word falls in the same group, whose two files are written;
    // the listing's failures (the short line, the missing file) go to their own file
    assertThat(names).contains("failures-listing.csv").allMatch(n -> !n.startsWith(".tmp") && !n.startsWith(".run-"));
    assertThat(names.stream().filter(n -> n.matches("results-0000[01]-of-00002\\.csv"))).isNotEmpty();
    long resultLines = 0;
    for (Path f : files(out, "results-")) {
      List<String> lines = Files.readAllLines(f);
      assertThat(lines.get(0)).isEqualTo(Records.RESULTS_CSV_HEADER);
      resultLines += lines.size() - 1;
    }
    long failureLines = 0;
    for (Path f : files(out, "failures-")) {
      List<String> lines = Files.readAllLines(f);
      assertThat(lines.get(0)).isEqualTo(Records.FAILURES_CSV_HEADER);
      failureLines += lines.size() - 1;
    }
    assertThat(resultLines).isEqualTo(s.results()).isPositive();
    assertThat(failureLines).isEqualTo(s.failures());
    assertThat(Files.readAllLines(out.resolve("failures-listing.csv"))).hasSizeGreaterThan(1);
  }

  @Test
  void run_heads_defaultSkipsNgramAllReadsItListedReadsThoseAlone() throws Exception {
    Corpus c = Corpus.write(dir.resolve("heads-corpus"));
    java.util.Map<String, java.util.Set<String>> seen = new java.util.LinkedHashMap<>();
    for (String heads : new String[] {null, "all", "char"}) {
      Path out = dir.resolve("heads-" + heads);
      BatchOptions o = options(c, null, out, RunnerKind.DIRECT);
      if (heads != null) {
        o.setHeads(heads);
      }
      BatchSummary s = BatchPipeline.run(o);
      assertThat(s.results()).isPositive();
      java.util.Set<String> keys = new java.util.TreeSet<>();
      for (String line : lines(out, "results-")) {
        JSON.readTree(line).get("perHead").fieldNames().forEachRemaining(keys::add);
      }
      seen.put(String.valueOf(heads), keys);
    }
    java.util.Set<String> modelHeads = new java.util.TreeSet<>();
    Models.get(ModelSpec.file(model.toString()).withHeads(HeadSelection.all())).heads()
        .forEach(h -> modelHeads.add(h.name()));
    assertThat(modelHeads).contains("NGRAM", "CHAR");
    java.util.Set<String> fast = new java.util.TreeSet<>(modelHeads);
    fast.remove("NGRAM");
    assertThat(seen.get("null")).isEqualTo(fast);
    assertThat(seen.get("all")).isEqualTo(modelHeads);
    assertThat(seen.get("char")).containsExactly("CHAR");
  }

  @Test
  void run_unknownOrMissingHead_clearError() {
    Corpus c;
    try {
      c = Corpus.write(dir.resolve("bad-heads-corpus"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    BatchOptions o = options(c, null, dir.resolve("bad-heads"), RunnerKind.DIRECT);
    o.setHeads("char,colour");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BatchPipeline.run(o))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown head 'colour'");
    // a head the model lacks (tiny-50 has no CTC head) fails the run, naming it
    java.util.Set<HeadKind> has;
    try {
      has = Models.get(ModelSpec.file(model.toString()).withHeads(HeadSelection.all())).heads();
    } catch (org.jaznet.recognizer.RecognizerException e) {
      throw new IllegalStateException(e);
    }
    java.util.Optional<HeadKind> lacking = java.util.Arrays.stream(HeadKind.values()).filter(h -> !has.contains(h)).findFirst();
    org.junit.jupiter.api.Assumptions.assumeTrue(lacking.isPresent(), "the test model has every head");
    BatchOptions m = options(c, null, dir.resolve("missing-head"), RunnerKind.DIRECT);
    m.setHeads(lacking.get().name().toLowerCase(java.util.Locale.ROOT));
    // refused as a bad option before the run starts: no output folder is made
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BatchPipeline.run(m))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no " + lacking.get() + " head");
    assertThat(dir.resolve("missing-head")).doesNotExist();
  }

  @Test
  void run_nothingReadable_emptyResultsFileAndEveryInputAFailure() throws Exception {
    Path root = Files.createDirectories(dir.resolve("none"));
    Path manifest = Files.writeString(root.resolve("m.csv"), "path,x,y,w,h\nhalf.png,0,0\nfour.png,1,2,3\n");
    BatchOptions o = PipelineOptionsFactory.create().as(BatchOptions.class);
    o.setInput(manifest.toString());
    Path out = dir.resolve("none-out");
    o.setOutput(out.toString());
    o.setModel(model.toString());
    RunnerKind.DIRECT.configure(o, 2);
    BatchSummary s = BatchPipeline.run(o);

    assertThat(s.results()).isZero();
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("results-00000-of-00001.jsonl");
    }
    assertThat(Files.readString(out.resolve("results-00000-of-00001.jsonl"))).isEmpty();
    assertThat(lines(out, "failures-")).hasSize(2).allMatch(l -> l.contains("\"reason\""));
  }

  private BatchOptions options(Corpus c, Path labels, Path out, RunnerKind runner) {
    BatchOptions o = PipelineOptionsFactory.create().as(BatchOptions.class);
    o.setInput(c.glob());
    o.setOutput(out.toString());
    o.setModel(model.toString());
    o.setBatchSize(4);
    o.setGroups(4);
    o.setLabels(labels == null ? null : labels.toString());
    runner.configure(o, 2);
    return o;
  }

  private static List<String> expected(Corpus c, boolean ok) {
    return c.expected.entrySet().stream().filter(e -> e.getValue() == ok).map(e -> c.abs(e.getKey())).toList();
  }

  private static List<Path> files(Path out, String prefix) throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }

  private static List<String> lines(Path out, String prefix) throws IOException {
    List<String> all = new ArrayList<>();
    for (Path f : files(out, prefix)) {
      all.addAll(Files.readAllLines(f));
    }
    return all.stream().sorted().collect(Collectors.toList());
  }
}
