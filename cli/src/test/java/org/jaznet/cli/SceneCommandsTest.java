package org.jaznet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jaznet.pages.detect.scene.SceneDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jaznet synth --scenes} and {@code jaznet train-detector}, end to end on real files. */
class SceneCommandsTest {
  @TempDir Path dir;

  @Test
  void synthScenesWritesImagesAndWordsJsonl() throws Exception {
    ReadCommandTest.Run r = ReadCommandTest.run("synth", "--scenes", "--count", "2", "--seed", "4", "--out",
        dir.resolve("s").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(dir.resolve("s/images/scene-00001.png")).isRegularFile();
    assertThat(dir.resolve("s/images/scene-00002.png")).isRegularFile();
    assertThat(Files.readAllLines(dir.resolve("s/words.jsonl"), StandardCharsets.UTF_8)).hasSize(2);
  }

  @Test
  void synthRefusesDocumentsAndScenesTogether() {
    ReadCommandTest.Run r = ReadCommandTest.run("synth", "--scenes", "--documents", "--count", "1", "--out",
        dir.resolve("x").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--documents and --scenes exclude each other");
  }

  @Test
  void trainDetectorWritesAModelThatLoadsAndAcheckpoint() throws Exception {
    Path out = dir.resolve("det.zip");
    ReadCommandTest.Run r = ReadCommandTest.run("train-detector", "--out", out.toString(), "--max-minutes", "0.05",
        "--crop", "64", "--batch", "2", "--validation", "2", "--width", "4");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("done:").contains("validation 2 scenes");
    assertThat(out).isRegularFile();
    assertThat(dir.resolve("det.zip.ckpt")).isRegularFile();
    assertThat(SceneDetector.load(out).config().width()).isEqualTo(4);
  }

  @Test
  void trainDetectorRefusesValidationOnTrainingScenes() {
    ReadCommandTest.Run r = ReadCommandTest.run("train-detector", "--out", dir.resolve("d.zip").toString(),
        "--seed", "5", "--validation-seed", "5");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("must differ");
  }
}
