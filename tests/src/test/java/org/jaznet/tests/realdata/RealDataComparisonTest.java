package org.jaznet.tests.realdata;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The real-data comparison (issue 5), on demand only: {@code mvn -B -o -pl tests test
 * -Djaznet.realdata=true -Dtest=RealDataComparisonTest} (add {@code -Djaznet.realdata.targets=true}
 * for the target check, {@code -Djaznet.realdata.model=FILE} for another model than the default).
 * Runs tests/scripts/compare-real.sh once over ../shared/data/real/IC13_1015 and ../shared/data/mjsynth
 * (minutes: three jaznet evals and one Tesseract pass per set), prints its table, and checks every
 * figure is well-formed. The table and JSON stay in tests/target/realdata/.
 */
@EnabledIfSystemProperty(named = "jaznet.realdata", matches = "true")
class RealDataComparisonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofMinutes(90);

  private static Scripts.Run run;
  private static JsonNode summary;
  private static String table;

  @BeforeAll
  static void compare() throws IOException, InterruptedException {
    Path outDir = Files.createDirectories(Scripts.moduleDir().resolve("target").resolve("realdata"));
    Path out = outDir.resolve("compare-real.md");
    Files.deleteIfExists(out);
    Files.deleteIfExists(outDir.resolve("compare-real.json"));
    List<String> args = new ArrayList<>(List.of("--out", out.toString()));
    String model = System.getProperty("jaznet.realdata.model", "");
    if (!model.isBlank()) {
      args.add(0, Path.of(model).toAbsolutePath().toString());
    }
    run = Scripts.run("compare-real.sh", args, TIMEOUT);
    System.out.println(run.stdout());
    System.err.println(run.stderr());
    assertThat(run.exitCode()).as("compare-real.sh: %s", run).isIn(0, 3);
    table = Files.readString(out, UTF_8);
    summary = JSON.readTree(outDir.resolve("compare-real.json").toFile());
  }

  @Test
  void compareReal_sharedSets_tesseractFiguresWellFormed() {
    assertThat(summary.get("protocol").asText()).isEqualTo("lowercase, keep [0-9a-z], exact match");
    assertThat(names()).containsExactly("IC13_1015", "mjsynth");
    for (JsonNode set : summary.get("datasets")) {
      int labelled = labelCount(Path.of(set.get("dir").asText()));
      JsonNode t = set.get("tesseract");
      assertThat(set.get("n").asInt()).isEqualTo(labelled);
      assertThat(t.get("n").asInt()).isEqualTo(labelled);
      assertThat(t.get("failures").asInt()).as("unreadable images in %s", set.get("dir")).isZero();
      assertThat(t.get("accuracy").asDouble()).isBetween(0.0, 1.0);
      assertThat(t.get("images_per_second").asDouble()).isPositive();
      System.out.printf("tesseract %s: %.2f %% (n=%d), %.1f images/s%n", set.get("dataset").asText(),
          100 * t.get("accuracy").asDouble(), labelled, t.get("images_per_second").asDouble());
    }
  }

  @Test
  void compareReal_sharedSets_jaznetFiguresWellFormed() {
    JsonNode status = summary.get("jaznet");
    if (!status.get("status").asText().equals("ok")) {
      fail("jaznet half of the comparison did not run: " + status.get("message").asText());
    }
    for (JsonNode set : summary.get("datasets")) {
      for (String mode : List.of("unconstrained", "lexicon", "no_lm")) {
        JsonNode r = set.get("jaznet").get(mode);
        JsonNode eval = r.get("eval");
        // the --no-lm run is unconstrained: its JSON has the "unconstrained" values
        String column = mode.equals("no_lm") ? "unconstrained" : mode;
        assertThat(eval.get("n").asInt()).as("%s %s n", set.get("dataset"), mode).isEqualTo(set.get("n").asInt());
        assertThat(r.get("images_per_second").asDouble()).isPositive();
        assertThat(eval.get("heads").has("fused")).isTrue();
        for (Map.Entry<String, JsonNode> head : iterable(eval.get("heads"))) {
          JsonNode value = head.getValue().get(column);
          assertThat(value.isNumber()).as("%s %s %s is a number: %s", set.get("dataset"), head.getKey(), mode, value)
              .isTrue();
          assertThat(value.asDouble()).isBetween(0.0, 1.0);
          System.out.printf("jaznet %s %s %s: %.2f %%%n", set.get("dataset").asText(), head.getKey(), mode,
              100 * value.asDouble());
        }
      }
    }
  }

  @Test
  void compareReal_sharedSets_tableHasEveryDatasetAndTesseract() {
    assertThat(table).contains("Standard protocol: lowercase, keep [0-9a-z], exact match",
        "| IC13_1015 (n=1015) | images/s |", "| mjsynth (n=892) | images/s |", "| --psm 8 | none |");
    if (summary.get("jaznet").get("status").asText().equals("ok")) {
      assertThat(table).contains("| jaznet | fused | none |", "| jaznet | fused | en-90k.txt |",
          "| jaznet | fused, no LM (`--no-lm`) | none |");
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "jaznet.realdata.targets", matches = "true")
  void compareReal_model_beatsTesseractUnconstrainedOnBothSets() {
    assertThat(summary.get("jaznet").get("status").asText()).as(summary.get("jaznet").toString()).isEqualTo("ok");
    for (JsonNode set : summary.get("datasets")) {
      double jaznet = set.get("jaznet").get("unconstrained").get("eval").get("heads").get("fused")
          .get("unconstrained").asDouble();
      double tesseract = set.get("tesseract").get("accuracy").asDouble();
      assertThat(jaznet).as("%s: jaznet fused unconstrained vs Tesseract", set.get("dataset").asText())
          .isGreaterThan(tesseract);
    }
  }

  private static List<String> names() {
    List<String> names = new ArrayList<>();
    summary.get("datasets").forEach(s -> names.add(s.get("dataset").asText()));
    return names;
  }

  private static int labelCount(Path dir) {
    try (var lines = Files.lines(dir.resolve("labels.tsv"), UTF_8)) {
      return (int) lines.filter(l -> !l.isBlank()).count();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + dir.resolve("labels.tsv"), e);
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
    return object::fields;
  }
}
