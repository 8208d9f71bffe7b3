package org.jaznet.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.jaznet.pipeline.io.InputSpec;
import org.jaznet.pipeline.io.WordRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadImagesTest {
  @TempDir Path dir;

  @Test
  void expand_globArchiveManifest_everyInputListedOnce() throws Throwable {
    Corpus c = Corpus.write(dir).withArchivesAndManifest();
    BeamTests.withPipeline(getClass(), "expand", p -> {
      PCollectionTuple glob = p.apply("Glob", ReadImages.from(InputSpec.parse(c.glob())));
      PCollectionTuple zip = p.apply("Zip", ReadImages.from(InputSpec.parse(c.abs("words.zip"))));
      PCollectionTuple csv = p.apply("Csv", ReadImages.from(InputSpec.parse(c.abs("boxes.csv"))));
      PAssert.that(sources(glob.get(BatchTags.REFS), "g")).containsInAnyOrder(
          c.expected.keySet().stream().filter(k -> k.startsWith("img/")).map(c::abs).toList());
      PAssert.that(glob.get(BatchTags.FAILURES)).empty();
      PAssert.that(sources(zip.get(BatchTags.REFS), "z")).containsInAnyOrder(
          c.abs("words.zip!w/alpha.png"), c.abs("words.zip!../outside.png"), c.abs("words.zip!w/bad.png"));
      PAssert.that(sources(csv.get(BatchTags.REFS), "c")).containsInAnyOrder(
          c.abs("page.png#0,0,60,32"), c.abs("page.png#40,0,60,32"), c.abs("page.png#90,0,60,32"),
          c.abs("missing.png#0,0,10,10"), c.abs("words.zip!w/alpha.png#0,0,50,32"));
      PAssert.that(csv.get(BatchTags.FAILURES)).containsInAnyOrder(new Failure(c.abs("boxes.csv:5"),
          "malformed manifest line: expected 1, 2, 5 or 6 fields (path[,x,y,w,h][,label]), got 3"));
      p.run().waitUntilFinish();
    });
  }

  @Test
  void expand_missingInputs_becomeFailures() throws Throwable {
    BeamTests.withPipeline(getClass(), "missing", p -> {
      String nowhere = dir.resolve("nowhere").toString();
      PCollectionTuple t = p.apply("A", ReadImages.from(List.of(InputSpec.parse(nowhere + "/*.png"),
          InputSpec.parse(nowhere + ".zip"), InputSpec.parse(nowhere + ".csv"))));
      PAssert.that(t.get(BatchTags.REFS)).empty();
      PAssert.that(sources2(t.get(BatchTags.FAILURES))).containsInAnyOrder(
          nowhere + "/*.png", nowhere + ".zip", nowhere + ".csv");
      p.run().waitUntilFinish();
    });
  }

  @Test
  void withLabels_labelsFile_joinedByImage() throws Throwable {
    Corpus c = Corpus.write(dir);
    Path labels = c.writeLabels();
    BeamTests.withPipeline(getClass(), "labels", p -> {
      PCollection<WordRef> refs = p.apply(ReadImages.from(InputSpec.parse(c.glob())).withLabels(labels.toString()))
          .get(BatchTags.REFS);
      PCollection<String> labelled = refs.apply(MapElements.into(TypeDescriptors.strings())
          .via((WordRef r) -> r.source() + "=" + r.label()));
      PAssert.that(labelled).containsInAnyOrder(c.expected.keySet().stream()
          .map(k -> c.abs(k) + "=" + c.labels.get(k)).toList());
      p.run().waitUntilFinish();
    });
  }

  @Test
  void withLabels_duplicateAndUnknownLines_smallerLabelWinsUnknownIgnored() throws Throwable {
    Corpus c = Corpus.write(dir);
    Path labels = dir.resolve("dup.tsv");
    Files.writeString(labels, "img/grey.png\tzeta\nimg/nowhere.png\tghost\n# comment\nimg/grey.png\tgrey\n"
        + "img/sub/palette.png\tpalette\textra column\n");
    BeamTests.withPipeline(getClass(), "dup", p -> {
      PCollection<String> labelled = p.apply(ReadImages.from(InputSpec.parse(c.glob())).withLabels(labels.toString()))
          .get(BatchTags.REFS)
          .apply(MapElements.into(TypeDescriptors.strings()).via((WordRef r) -> r.source() + "=" + r.label()));
      PAssert.that(labelled).containsInAnyOrder(c.expected.keySet().stream()
          .map(k -> c.abs(k) + "=" + (k.equals("img/grey.png") ? "grey" : k.equals("img/sub/palette.png") ? "palette" : null))
          .toList());
      p.run().waitUntilFinish();
    });
  }

  @Test
  void from_noInputs_rejected() {
    assertThatThrownBy(() -> ReadImages.from(List.of())).hasMessageContaining("at least one");
    assertThat(ReadImages.from(InputSpec.parse("a.zip"))).isNotNull();
  }

  private static PCollection<String> sources(PCollection<WordRef> refs, String name) {
    return refs.apply("Sources" + name, MapElements.into(TypeDescriptors.strings()).via(WordRef::source));
  }

  private static PCollection<String> sources2(PCollection<Failure> f) {
    return f.apply("FailureSources", MapElements.into(TypeDescriptors.strings()).via(Failure::source));
  }
}
