package org.jaznet.synth.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.io.AtomicFiles;
import org.jaznet.synth.io.CharBoxesJsonl;
import org.jaznet.synth.io.DatasetKind;
import org.jaznet.synth.io.LabelledDataset;
import org.jaznet.synth.io.LabelledImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthRunTest {
  @TempDir Path tmp;
  @TempDir static Path shared;
  static Path dict;
  /** One engine for all tests (it is immutable and thread-safe; creating one costs about a second). */
  static SynthEngine engine;

  @BeforeAll
  static void setUp() throws Exception {
    dict = RunFixtures.dictionary(shared);
    engine = RunFixtures.engine(dict, 7);
  }

  /** Small chunks so that few images still span several chunks and both threads. */
  static final int CHUNK = 32;

  private RunSummary run(RunConfig c) throws SynthException {
    return new SynthRun(engine, c, CHUNK).run(ProgressListener.NONE);
  }

  @Test
  void run_mjsynthOneAndTwoThreads_byteIdenticalValidDataset() throws Exception {
    Path a = tmp.resolve("t1");
    Path b = tmp.resolve("t2");
    RunSummary s1 = run(RunConfig.of(150, a).withCharBoxes(true));
    run(RunConfig.of(150, b).withCharBoxes(true).withThreads(2));
    assertThat(s1.count()).isEqualTo(150);
    assertThat(s1.written()).isEqualTo(150);
    assertThat(s1.bytes()).isPositive();

    RunFixtures.assertSameFiles(b, a);
    Map<String, byte[]> t1 = RunFixtures.tree(a);
    assertThat(t1).containsKeys("annotation.txt", "lexicon.txt", "labels.tsv", "charboxes.jsonl");
    assertThat(t1.keySet()).filteredOn(k -> k.endsWith(".jpg")).hasSize(150)
        .noneMatch(k -> k.contains("\t") || k.contains("\\") || k.contains(" "));
    assertThat(t1.keySet()).noneMatch(k -> k.startsWith(".jaznet-run") || k.endsWith(AtomicFiles.TEMP_SUFFIX));

    Lexicon lexicon = Lexicon.read(a.resolve("lexicon.txt"));
    try (LabelledDataset d = LabelledDataset.open(a); Stream<LabelledImage> s = d.images()) {
      assertThat(d.kind()).isEqualTo(DatasetKind.MJSYNTH);
      List<LabelledImage> all = s.toList();
      assertThat(all).hasSize(150);
      for (int i = 0; i < all.size(); i++) {
        LabelledImage img = all.get(i);
        assertThat(img.label()).isEqualTo(engine.textOf(i));
        assertThat(lexicon.get(img.lexiconIndex())).isEqualToIgnoringCase(img.label());
      }
      assertThat(all.get(77).bytes()).isEqualTo(engine.render(77).jpeg());
      assertThat(all).extracting(LabelledImage::label).contains("tab\tinside", "and/or");
    }
    try (Stream<CharBoxesJsonl.Entry> s = CharBoxesJsonl.read(a.resolve("charboxes.jsonl"))) {
      List<CharBoxesJsonl.Entry> boxes = s.toList();
      assertThat(boxes).hasSize(150);
      assertThat(boxes.get(5).boxes()).isEqualTo(engine.render(5).charBoxes());
    }
  }

  @Test
  void run_lmdbOneAndTwoThreads_identicalDatabase() throws Exception {
    Path a = tmp.resolve("l1");
    Path b = tmp.resolve("l2");
    run(RunConfig.of(150, a).withFormat(OutputFormat.LMDB));
    run(RunConfig.of(150, b).withFormat(OutputFormat.LMDB).withThreads(2));
    Map<String, byte[]> t1 = RunFixtures.tree(a);
    assertThat(t1.keySet()).containsExactly("data.mdb", "labels.tsv");
    RunFixtures.assertSameFiles(b, a);
    try (LabelledDataset d = LabelledDataset.open(b); Stream<LabelledImage> s = d.images()) {
      assertThat(d.size()).hasValue(150);
      List<LabelledImage> all = s.toList();
      assertThat(all.get(149).id()).isEqualTo("image-000000150");
      assertThat(all.get(149).label()).isEqualTo(engine.textOf(149));
      assertThat(all.get(149).bytes()).isEqualTo(engine.render(149).jpeg());
    }
    assertThat(Files.readAllLines(a.resolve("labels.tsv")).get(0)).isEqualTo("image-000000001\t" + engine.textOf(0));
  }

  @Test
  void run_tsvFormat_imagesFolderAndLabelsOnly() throws Exception {
    Path out = tmp.resolve("tsv");
    run(RunConfig.of(10, out).withFormat(OutputFormat.TSV));
    assertThat(RunFixtures.tree(out).keySet()).contains("labels.tsv", "images/1/1/1.jpg", "images/1/1/10.jpg")
        .doesNotContain("annotation.txt").hasSize(11);
    try (LabelledDataset d = LabelledDataset.open(out); Stream<LabelledImage> s = d.images()) {
      assertThat(d.kind()).isEqualTo(DatasetKind.TSV);
      assertThat(s.map(LabelledImage::label).toList()).hasSize(10).first().isEqualTo(engine.textOf(0));
    }
  }

  @Test
  void run_failedMidRunThenResumed_sameFilesAsUninterruptedRun() throws Exception {
    Path ref = tmp.resolve("ref");
    run(RunConfig.of(150, ref).withCharBoxes(true));
    Path out = tmp.resolve("out");
    RunConfig c = RunConfig.of(150, out).withCharBoxes(true).withThreads(2);
    assertThatThrownBy(() -> new SynthRun(engine, c, CHUNK).run((done, total) -> {
      if (done >= 64) {
        throw new IllegalStateException("stop here");
      }
    })).isInstanceOf(SynthException.class).hasMessageContaining(out.toString()).hasMessageContaining("--resume");
    assertThat(out.resolve("annotation.txt")).doesNotExist();
    assertThat(out.resolve(".jaznet-run")).isDirectory();

    RunSummary s = new SynthRun(engine, c.withResume(true), CHUNK).run(ProgressListener.NONE);
    assertThat(s.skipped()).isGreaterThanOrEqualTo(64);
    assertThat(s.written() + s.skipped()).isEqualTo(150);
    RunFixtures.assertSameFiles(out, ref);
  }

  @Test
  void run_lmdbFailedMidRunThenResumed_sameDatabaseAsUninterruptedRun() throws Exception {
    Path ref = tmp.resolve("ref");
    run(RunConfig.of(100, ref).withFormat(OutputFormat.LMDB));
    Path out = tmp.resolve("out");
    RunConfig c = RunConfig.of(100, out).withFormat(OutputFormat.LMDB).withThreads(2);
    assertThatThrownBy(() -> new SynthRun(engine, c, CHUNK).run((done, total) -> {
      if (done >= 64) {
        throw new IllegalStateException("stop here");
      }
    })).isInstanceOf(SynthException.class);
    assertThat(out.resolve("labels.tsv")).doesNotExist();
    RunSummary s = new SynthRun(engine, c.withResume(true), CHUNK).run(ProgressListener.NONE);
    assertThat(s.skipped()).isEqualTo(64);
    RunFixtures.assertSameFiles(out, ref);
  }

  @Test
  void run_resumeWithOtherSeed_errorNamesParameter() throws Exception {
    Path out = tmp.resolve("out");
    RunConfig c = RunConfig.of(100, out);
    assertThatThrownBy(() -> new SynthRun(engine, c, CHUNK).run((done, total) -> {
      if (done > 0) {
        throw new IllegalStateException("stop");
      }
    })).isInstanceOf(SynthException.class);
    SynthEngine other = RunFixtures.engine(dict, 8);
    assertThatThrownBy(() -> new SynthRun(other, c.withResume(true), CHUNK).run(ProgressListener.NONE))
        .isInstanceOf(SynthException.class).hasMessageContaining("seed=7").hasMessageContaining(out.toString());
  }

  @Test
  void run_nonEmptyDirWithoutResume_errorNamesDir() throws Exception {
    Path out = tmp.resolve("busy");
    Files.createDirectories(out);
    Files.writeString(out.resolve("keep.txt"), "mine");
    assertThatThrownBy(() -> run(RunConfig.of(5, out))).isInstanceOf(SynthException.class)
        .hasMessageContaining(out.toString()).hasMessageContaining("not empty").hasMessageContaining("--resume");
    assertThat(RunFixtures.tree(out).keySet()).containsExactly("keep.txt");
  }

  @Test
  void run_outputUnderRegularFile_errorNamesPath() throws Exception {
    Path file = tmp.resolve("plain.txt");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> run(RunConfig.of(5, file.resolve("out")))).isInstanceOf(SynthException.class)
        .hasMessageContaining(file.resolve("out").toString());
    assertThatThrownBy(() -> run(RunConfig.of(5, file))).isInstanceOf(SynthException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("not a directory");
  }

  @Test
  void run_preview_writesSheetOf64LabelledSamples() throws Exception {
    Path png = tmp.resolve("sheet.png");
    run(RunConfig.of(70, tmp.resolve("out")).withPreview(png));
    BufferedImage sheet = ImageIO.read(png.toFile());
    assertThat(sheet.getWidth()).isEqualTo(ContactSheet.COLUMNS * ContactSheet.CELL_W);
    assertThat(sheet.getHeight()).isEqualTo(8 * ContactSheet.CELL_H);
    int dark = 0;
    for (int x = 0; x < sheet.getWidth(); x++) {
      if ((sheet.getRGB(x, sheet.getHeight() - 8) & 0xFF) < 128) {
        dark++;
      }
    }
    assertThat(dark).as("label ink on the last row").isPositive();
  }

  /**
   * Full disk: needs a small file system, e.g. {@code mount -t tmpfs -o size=2m tmpfs /mnt/small}, passed
   * as {@code -Djaznet.test.smallfs=/mnt/small}; skipped otherwise.
   */
  @Test
  void run_diskFull_errorNamesPathAndLeavesNoTempFiles() throws Exception {
    String small = System.getProperty("jaznet.test.smallfs");
    assumeTrue(small != null, "set -Djaznet.test.smallfs to a small mounted file system");
    Path out = Path.of(small).resolve("full-" + System.nanoTime());
    assertThatThrownBy(() -> run(RunConfig.of(200_000, out).withThreads(2)))
        .isInstanceOf(SynthException.class).hasMessageContaining(out.toString())
        .hasMessageContaining("No space left on device");
    assertThat(RunFixtures.tree(out).keySet()).noneMatch(k -> k.endsWith(AtomicFiles.TEMP_SUFFIX))
        .doesNotContain("annotation.txt", "labels.tsv");
  }
}
