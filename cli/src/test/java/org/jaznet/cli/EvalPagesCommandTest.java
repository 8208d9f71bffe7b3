package org.jaznet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jaznet eval-pages} on two real synthetic document pages: the detector alone, and what was read. */
class EvalPagesCommandTest {
  @TempDir static Path dir;
  static Path set;

  @BeforeAll
  static void pages() {
    set = dir.resolve("docs");
    ReadCommandTest.Run r = ReadCommandTest.run("synth", "--documents", "--count", "2", "--seed", "31", "--out",
        set.toString(), "--no-progress");
    assertThat(r.exit()).as(r.err()).isZero();
  }

  @Test
  void detectOnly_scoresTheDetector_andWritesItsBoxes() throws Exception {
    Path json = dir.resolve("d.json");
    Path pred = dir.resolve("d.jsonl");
    ReadCommandTest.Run r = ReadCommandTest.run("eval-pages", "--data", set.toString(), "--detector", "doc",
        "--detect-only", "--json", json.toString(), "--predictions", pred.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("eval-pages jaznet --detect-only: 2 images, detection P \\d\\.\\d{3} R \\d\\.\\d{3}"
        + " F \\d\\.\\d{3} \\| e2e not measured \\| [\\d.]+ pages/s");
    assertThat(r.out()).containsPattern("ms per page: detect [\\d.]+");
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.get("n_images").asInt()).isEqualTo(2);
    // clean rendered pages: the doc detector finds most words with boxes that match
    assertThat(report.get("detection").get("f").asDouble()).isGreaterThan(0.8);

    List<String> lines = Files.readAllLines(pred);
    List<String> truth = Files.readAllLines(set.resolve("words.jsonl"));
    assertThat(lines).hasSameSizeAs(truth);
    ObjectMapper m = new ObjectMapper();
    for (int i = 0; i < lines.size(); i++) {
      JsonNode p = m.readTree(lines.get(i));
      JsonNode t = m.readTree(truth.get(i));
      assertThat(p.get("image").asText()).isEqualTo(t.get("image").asText());
      // one box per detected word, none read: within a fifth of the true word count
      assertThat(p.get("words").size()).isBetween(t.get("words").size() * 4 / 5, t.get("words").size() * 6 / 5);
      JsonNode w = p.get("words").get(0);
      assertThat(w.get("box")).hasSize(4);
      assertThat(w.get("text").asText()).isEmpty();
    }
  }

  @Test
  void predictions_holdTheReadTexts() throws Exception {
    Path pred = dir.resolve("r.jsonl");
    ReadCommandTest.Run r = ReadCommandTest.run("eval-pages", "--data", set.toString(), "--detector", "doc",
        "--predictions", pred.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("eval-pages jaznet: 2 images");
    ObjectMapper m = new ObjectMapper();
    long read = 0;
    for (String line : Files.readAllLines(pred)) {
      for (JsonNode w : m.readTree(line).get("words")) {
        assertThat(w.get("confidence").asDouble()).isBetween(0.0, 1.0);
        read += w.get("text").asText().isEmpty() ? 0 : 1;
      }
    }
    assertThat(read).isGreaterThan(20);
  }

  @Test
  void detectOnly_isRefusedForTesseract() {
    ReadCommandTest.Run r = ReadCommandTest.run("eval-pages", "--data", set.toString(), "--engine", "tesseract",
        "--detect-only");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--detect-only");
  }
}
