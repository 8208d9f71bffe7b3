package org.jaznet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jaznet.synth.ProjectPaths;
import org.jaznet.synth.io.DatasetKind;
import org.jaznet.synth.io.LabelledDataset;
import org.jaznet.synth.io.LabelledImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SynthCommandTest {
  @TempDir Path tmp;
  Path dict;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void setUp() throws Exception {
    dict = tmp.resolve("words.txt");
    Files.write(dict, List.of("slinking", "remodelers", "chronographs", "impeaching", "quiz", "and/or"));
    // a few of the project's fonts and photos: loading all of them costs seconds per run
    copySome(ProjectPaths.fonts(), tmp.resolve("fonts"), 3, ".ttf");
    copySome(ProjectPaths.backgrounds(), tmp.resolve("backgrounds"), 4, ".jpg");
  }

  private static void copySome(Path from, Path to, int n, String suffix) throws Exception {
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().limit(n).toList()) {
        Files.copy(p, to.resolve(p.getFileName()));
      }
    }
  }

  private int synth(String... args) {
    CommandLine cl = JaznetCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of("synth", "--dictionary", dict.toString(), "--seed", "3",
        "--fonts", tmp.resolve("fonts").toString(), "--backgrounds", tmp.resolve("backgrounds").toString()));
    all.addAll(List.of(args));
    return cl.execute(all.toArray(String[]::new));
  }

  @Test
  void synth_mjsynthWithPreviewAndBoxes_writesDatasetAndExitsZero() throws Exception {
    Path dir = tmp.resolve("ds");
    Path png = tmp.resolve("sheet.png");
    int code = synth("--count", "70", "--out", dir.toString(), "--threads", "2", "--char-boxes",
        "--preview", png.toString(), "--case", "upper", "--random-ratio", "0");
    assertThat(code).as("stderr: %s", err).isZero();
    assertThat(dir.resolve("annotation.txt")).exists();
    assertThat(dir.resolve("lexicon.txt")).exists();
    assertThat(Files.readAllLines(dir.resolve("labels.tsv"))).hasSize(70);
    assertThat(Files.readAllLines(dir.resolve("charboxes.jsonl"))).hasSize(70);
    assertThat(ImageIO.read(png.toFile()).getWidth()).isGreaterThan(0);
    try (LabelledDataset d = LabelledDataset.open(dir); Stream<LabelledImage> s = d.images()) {
      assertThat(d.kind()).isEqualTo(DatasetKind.MJSYNTH);
      assertThat(s.map(LabelledImage::label).toList()).hasSize(70).allMatch(l -> l.equals(l.toUpperCase()));
    }
    assertThat(out.toString()).contains("synth: 70 images (70 written, 0 already present)");
  }

  @Test
  void synth_lmdbFormat_writesDatabaseWithLabels() throws Exception {
    Path dir = tmp.resolve("lmdb");
    assertThat(synth("--count", "12", "--out", dir.toString(), "--format", "lmdb", "--no-progress")).isZero();
    try (LabelledDataset d = LabelledDataset.open(dir)) {
      assertThat(d.kind()).isEqualTo(DatasetKind.LMDB);
      assertThat(d.size()).hasValue(12);
    }
    assertThat(Files.readAllLines(dir.resolve("labels.tsv"))).hasSize(12);
  }

  @Test
  void synth_nonEmptyOutWithoutResume_exitOneNamingDir() throws Exception {
    Path dir = tmp.resolve("busy");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("x"), "x");
    assertThat(synth("--count", "5", "--out", dir.toString(), "--no-progress")).isEqualTo(1);
    assertThat(err.toString()).contains(dir.toAbsolutePath().toString()).contains("--resume");
    assertThat(synth("--count", "5", "--out", tmp.resolve("fresh").toString(), "--no-progress")).isZero();
    assertThat(synth("--count", "5", "--out", tmp.resolve("fresh").toString(), "--no-progress", "--resume"))
        .isZero();
    assertThat(out.toString()).contains("(0 written, 5 already present)");
  }

  @Test
  void synth_missingDictionary_exitOneNamingFile() {
    dict = tmp.resolve("nope.txt");
    assertThat(synth("--count", "5", "--out", tmp.resolve("o").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("nope.txt");
  }

  /** Beam start-up costs tens of seconds on a loaded 2-vCPU machine: run with {@code -Djaznet.heavy=true}. */
  @Test
  void synth_directRunner_sameFilesAsLocalThreads() throws Exception {
    assumeTrue(Boolean.getBoolean("jaznet.heavy"), "heavy: set -Djaznet.heavy=true");
    Path local = tmp.resolve("local");
    Path beam = tmp.resolve("beam");
    assertThat(synth("--count", "20", "--out", local.toString(), "--no-progress", "--char-boxes")).isZero();
    assertThat(synth("--count", "20", "--out", beam.toString(), "--runner", "direct", "--threads", "2",
        "--char-boxes")).as("stderr: %s", err).isZero();
    List<Path> files;
    try (Stream<Path> s = Files.walk(local)) {
      files = s.filter(Files::isRegularFile).toList();
    }
    assertThat(files).hasSize(24);
    for (Path f : files) {
      assertThat(Files.mismatch(f, beam.resolve(local.relativize(f)))).as("%s", f).isEqualTo(-1L);
    }
  }

  @Test
  void synth_badUsage_exitTwo() {
    assertThat(synth("--count", "0", "--out", tmp.resolve("o").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--count must be > 0");
    assertThat(synth("--count", "5")).isEqualTo(2);
    assertThat(synth("--count", "5", "--out", "x", "--format", "png")).isEqualTo(2);
    assertThat(synth("--count", "5", "--out", "x", "--flinkMaster=host:1")).isEqualTo(2);
    assertThat(synth("--count", "5", "--out", "x", "--runner", "direct", "--format", "lmdb")).isEqualTo(2);
    assertThat(err.toString()).contains("LMDB has one writer");
  }
}
