package org.jaznet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.synth.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jaznet batch}: an input spec that names nothing is a bad option (exit 2), refused before the run. */
class BatchCommandInputTest {
  @TempDir Path dir;

  private EvalRecognizeCommandTest.Run batch(String input, Path out) {
    return EvalRecognizeCommandTest.run("batch", "--input", input, "--output", out.toString());
  }

  @Test
  void globMatchingNothing_exit2ClearErrorNoOutput() throws Exception {
    Files.createDirectories(dir.resolve("img"));
    Files.writeString(dir.resolve("img/readme.txt"), "not an image");
    Files.createDirectories(dir.resolve("img/folder.png"));
    String spec = dir + "/img/**/*.png";
    Path out = dir.resolve("out");
    EvalRecognizeCommandTest.Run r = batch(spec, out);
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("no input matches '" + spec + "'");
    assertThat(r.out()).doesNotContain("inputs");
    assertThat(out).doesNotExist();
  }

  @Test
  void missingBaseFolderFileOrArchive_exit2() {
    for (String spec : List.of(dir + "/nowhere/*.jpg", dir + "/gone.png", dir + "/gone.zip")) {
      EvalRecognizeCommandTest.Run r = batch(spec, dir.resolve("out"));
      assertThat(r.exit()).as(spec + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).contains("no input matches '" + spec + "'");
    }
  }

  @Test
  void manifestMissingOrListingNoImage_exit2() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "path,x,y,w,h\n\n# nothing here\n");
    Path blank = Files.writeString(dir.resolve("blank.jsonl"), "\n");
    for (String spec : List.of(empty.toString(), blank.toString(), dir.resolve("gone.csv").toString())) {
      EvalRecognizeCommandTest.Run r = batch(spec, dir.resolve("out"));
      assertThat(r.exit()).as(spec + ": " + r.err()).isEqualTo(2);
      assertThat(r.err()).contains("no input matches '" + spec + "'");
    }
  }

  @Test
  void inputThatExistsButFailsToDecode_failureRecordExit0() throws Exception {
    Path model = ProjectPaths.home().resolve("models").resolve("tiny-50.zip");
    if (!Files.isRegularFile(model)) {
      model = dir.resolve("untrained.zip");
      List<String> grams = "abcdefghijklmnopqrstuvwxyz".chars().mapToObj(ch -> String.valueOf((char) ch)).toList();
      ModelFile.save(JazNet.create(org.jaznet.recognizer.model.ModelSpec.of(Arch.SMALL, EnumSet.allOf(HeadKind.class),
          List.of("word", "other"), grams), 1), model);
    }
    Files.createDirectories(dir.resolve("img"));
    Files.writeString(dir.resolve("img/broken.png"), "this is not a png");
    Path out = dir.resolve("out");
    EvalRecognizeCommandTest.Run r = EvalRecognizeCommandTest.run("batch", "--input", dir + "/img/*.png",
        "--out", out.toString(), "--model", model.toString(), "--threads", "1", "--groups", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 inputs, 0 results, 1 failures");
    assertThat(Files.readString(out.resolve("failures-00000-of-00001.jsonl"))).contains("broken.png");
  }
}
