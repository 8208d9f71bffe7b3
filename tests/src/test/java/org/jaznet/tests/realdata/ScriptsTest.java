package org.jaznet.tests.realdata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Tesseract half of the real-data comparison on a tiny folder of rendered words (about two seconds):
 * real tesseract, real files. Three words read right (two only under the protocol's lowercasing and
 * punctuation dropping), one rendered word differs from its label, one image is corrupt and one missing:
 * both must be reported as failures and counted wrong.
 */
class ScriptsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  @TempDir
  static Path dir;

  private static Path data;

  @BeforeAll
  static void renderFolder() throws IOException {
    assumeThat(Scripts.installed("tesseract")).as("tesseract is installed").isTrue();
    data = dir.resolve("tiny");
    Path images = Files.createDirectories(data.resolve("images"));
    render(images.resolve("hello.png"), "hello");
    render(images.resolve("shout.png"), "WORLD");
    render(images.resolve("paper.png"), "paper");
    render(images.resolve("other.png"), "table");
    Files.write(images.resolve("corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
    Files.writeString(data.resolve("labels.tsv"), String.join("\n",
        "hello.png\thello", "shout.png\tWorld!", "paper.png\tPAPER", "other.png\tchair",
        "corrupt.png\tbroken", "missing.png\tabsent") + "\n", UTF_8);
  }

  private static void render(Path file, String word) throws IOException {
    BufferedImage img = new BufferedImage(420, 110, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 64));
    g.drawString(word, 30, 78);
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }

  @Test
  void tesseractEval_tinyFolder_scoresProtocolAndReportsFailures() throws Exception {
    Path json = dir.resolve("t.json");
    Path predictions = dir.resolve("t.tsv");
    Scripts.Run run = Scripts.run("tesseract-eval.sh",
        List.of(data.toString(), "--json", json.toString(), "--predictions", predictions.toString()), TIMEOUT);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode doc = JSON.readTree(json.toFile());
    assertThat(doc.get("dataset").asText()).isEqualTo("tiny");
    assertThat(doc.get("tool").asText()).isEqualTo("tesseract");
    assertThat(doc.get("n").asInt()).isEqualTo(6);
    assertThat(doc.get("accuracy").asDouble()).as(Files.readString(predictions)).isEqualTo(3.0 / 6);
    assertThat(doc.get("images_per_second").asDouble()).isPositive();
    assertThat(doc.size()).as("JSON keys of %s", doc).isEqualTo(5);
    assertThat(run.stdout()).contains("n: 6", "accuracy: 50.00 %", "images/s: ");
    assertThat(run.stderr()).contains("failed corrupt.png", "failed missing.png: image file missing");
    assertThat(Files.readAllLines(predictions)).hasSize(7)
        .anySatisfy(l -> assertThat(l).startsWith("shout.png\tWorld!\t").contains("\t1\t"))
        .anySatisfy(l -> assertThat(l).startsWith("other.png\tchair\t").contains("\t0\t"));
  }

  @Test
  void tesseractEval_noLabels_exitsTwoNamingFolder() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("nolabels"));

    Scripts.Run run = Scripts.run("tesseract-eval.sh", List.of(empty.toString()), TIMEOUT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains(empty.toString(), "no labels.tsv");
  }

  @Test
  void compareReal_tesseractOnly_writesTableAndJson() throws Exception {
    Path out = dir.resolve("cmp/compare.md");

    Scripts.Run run = Scripts.run("compare-real.sh",
        List.of("--tesseract-only", "--data", data.toString(), "--out", out.toString()), TIMEOUT);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    String table = Files.readString(out);
    assertThat(table).contains("| system | head | lexicon | tiny (n=6) | images/s |",
        "| jaznet | — | — | not run | — |", "| Tesseract 5", "| --psm 8 | none | 50.0 % |",
        "could not read 2 image(s) of tiny");
    assertThat(run.stdout()).contains(table.strip());
    JsonNode summary = JSON.readTree(dir.resolve("cmp/compare.json").toFile());
    assertThat(summary.get("jaznet").get("status").asText()).isEqualTo("skipped");
    assertThat(summary.get("datasets")).hasSize(1);
    assertThat(summary.get("datasets").get(0).get("tesseract").get("accuracy").asDouble()).isEqualTo(0.5);
  }

  @Test
  void compareReal_datasetWithoutLabels_exitsTwoNamingIt() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("nolabels2"));

    Scripts.Run run = Scripts.run("compare-real.sh",
        List.of("--tesseract-only", "--data", empty.toString(), "--out", dir.resolve("x.md").toString()), TIMEOUT);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.stderr()).contains(empty.toString(), "has no labels.tsv");
    assertThat(dir.resolve("x.md")).doesNotExist();
  }
}
