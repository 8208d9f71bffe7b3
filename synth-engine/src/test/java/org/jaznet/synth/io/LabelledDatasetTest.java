package org.jaznet.synth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledDatasetTest {
  @TempDir Path tmp;

  /** ../shared/data next to the project (override with -Djaznet.shared.data=DIR). */
  static Path sharedData() {
    String p = System.getProperty("jaznet.shared.data");
    return p != null ? Path.of(p) : ProjectPaths.home().resolveSibling("shared").resolve("data");
  }

  private record Read(String path, String label, int idx, byte[] bytes) {
    boolean same(Read o) {
      return path.equals(o.path) && label.equals(o.label) && idx == o.idx && java.util.Arrays.equals(bytes, o.bytes);
    }
  }

  private static List<Read> readAll(LabelledDataset d) throws IOException {
    try (Stream<LabelledImage> s = d.images()) {
      return s.map(i -> {
        try {
          return new Read(i.id(), i.label(), i.lexiconIndex(), i.bytes());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
    }
  }

  @Test
  void open_realMjsynthSample_writeBackWithWriter_reReadsIdenticalEntries() throws Exception {
    Path src = sharedData().resolve("mjsynth");
    assumeTrue(Files.isDirectory(src), "no MJSynth sample at " + src);
    List<Read> first;
    try (LabelledDataset d = LabelledDataset.open(src)) {
      assertThat(d.kind()).isEqualTo(DatasetKind.MJSYNTH);
      first = readAll(d);
    }
    assertThat(first).hasSize(892);
    assertThat(first.get(0).path()).isEqualTo("3000/7/182_slinking_71711.jpg");
    assertThat(first.get(0).label()).isEqualTo("slinking");
    assertThat(first.get(0).idx()).isEqualTo(71711);
    Lexicon lexicon = Lexicon.read(src.resolve("lexicon.txt"));
    assertThat(first).allMatch(r -> lexicon.get(r.idx()).equals(r.label().toLowerCase(java.util.Locale.ROOT)));
    assertThat(first).allMatch(r -> r.bytes().length > 100 && (r.bytes()[0] & 0xFF) == 0xFF);

    Path out = tmp.resolve("copy");
    for (Read r : first) {
      AtomicFiles.write(out.resolve(r.path()), r.bytes());
    }
    MjsynthAnnotation.write(out.resolve(MjsynthAnnotation.FILE_NAME),
        first.stream().map(r -> new DatasetEntry(r.path(), r.label(), r.idx())).iterator());
    MjsynthAnnotation.writeLexicon(out.resolve(MjsynthAnnotation.LEXICON_FILE_NAME), lexicon.words());
    LabelsTsv.write(out.resolve(LabelsTsv.FILE_NAME),
        first.stream().map(r -> new DatasetEntry(r.path(), r.label(), -1)).iterator());

    try (LabelledDataset d = LabelledDataset.open(out)) {
      List<Read> again = readAll(d);
      assertThat(again).hasSize(first.size());
      for (int i = 0; i < first.size(); i++) {
        assertThat(again.get(i).same(first.get(i))).as("entry %s", first.get(i).path()).isTrue();
      }
    }
    assertThat(Files.readAllLines(out.resolve("annotation.txt")))
        .isEqualTo(Files.readAllLines(src.resolve("annotation_sample.txt")));
    assertThat(Files.readAllLines(out.resolve("labels.tsv"))).isEqualTo(Files.readAllLines(src.resolve("labels.tsv")));
    assertThat(Files.mismatch(out.resolve("lexicon.txt"), src.resolve("lexicon.txt"))).isEqualTo(-1);
  }

  @Test
  void open_realIc13Folder_tsvWithImagesSubfolderResolved() throws Exception {
    Path src = sharedData().resolve("real").resolve("IC13_1015");
    assumeTrue(Files.isDirectory(src), "no IC13 data at " + src);
    try (LabelledDataset d = LabelledDataset.open(src); Stream<LabelledImage> s = d.images()) {
      assertThat(d.kind()).isEqualTo(DatasetKind.TSV);
      List<LabelledImage> all = s.toList();
      assertThat(all).hasSize(1015);
      assertThat(all.get(0).label()).isEqualTo("Tiredness");
      assertThat(all.get(0).path()).contains(src.resolve("images").resolve("word_1.png"));
      assertThat(all).allMatch(i -> Files.isRegularFile(i.file()));
    }
  }

  @Test
  void open_emptyFolder_errorNamesFolderAndExpectedFiles() throws Exception {
    assertThatThrownBy(() -> LabelledDataset.open(tmp)).isInstanceOf(IOException.class)
        .hasMessageContaining(tmp.toString()).hasMessageContaining("labels.tsv");
    assertThatThrownBy(() -> LabelledDataset.open(tmp.resolve("nope"))).hasMessageContaining("does not exist");
  }

  @Test
  void open_severalAnnotationFiles_errorListsThem() throws Exception {
    Files.writeString(tmp.resolve("annotation_train.txt"), "./1/1/1_a_0.jpg 0\n");
    Files.writeString(tmp.resolve("annotation_val.txt"), "./1/1/2_b_1.jpg 1\n");
    assertThatThrownBy(() -> LabelledDataset.open(tmp)).hasMessageContaining("annotation_train.txt")
        .hasMessageContaining("annotation_val.txt");
    try (LabelledDataset d = LabelledDataset.openMjsynth(tmp, tmp.resolve("annotation_val.txt"));
        Stream<DatasetEntry> s = d.entries()) {
      assertThat(s.toList()).containsExactly(new DatasetEntry("1/1/2_b_1.jpg", "b", 1));
    }
  }

  @Test
  void entries_mjsynthWithLabelsTsv_trueWordWinsOverEncodedName() throws Exception {
    String word = "x".repeat(300);
    String path = MjsynthLayout.imagePath(0, word, 0);
    MjsynthAnnotation.write(tmp.resolve("annotation.txt"), List.of(new DatasetEntry(path, "cut", 0)).iterator());
    LabelsTsv.write(tmp.resolve("labels.tsv"), List.of(new DatasetEntry(path, word, -1)).iterator());
    try (LabelledDataset d = LabelledDataset.open(tmp); Stream<DatasetEntry> s = d.entries()) {
      assertThat(s.toList()).containsExactly(new DatasetEntry(path, word, 0));
    }
  }
}
