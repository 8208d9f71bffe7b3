package org.jaznet.pages.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageEvalReportTest {
  @Test
  void jsonShape(@TempDir Path dir) throws Exception {
    EvalTotals t = new EvalTotals(List.of(
        new PageScores("a.png", new Prf(3, 4, 6), new Prf(2, 4, 5), new Prf(1, 4, 5), 100),
        new PageScores("b.png", new Prf(1, 2, 2), new Prf(1, 2, 2), new Prf(1, 2, 2), 300)), 0.5);
    Path file = dir.resolve("sub/report.json");
    PageEvalReport.write(file, t, Map.of("engine", "test"));
    JsonNode j = new ObjectMapper().readTree(Files.readString(file));
    List<String> keys = new ArrayList<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertThat(keys.subList(0, 5)).containsExactly("n_images", "detection", "e2e", "e2e_cased", "pages_per_s");
    assertThat(keys).contains("engine", "ms_per_page");
    assertThat(j.get("n_images").isInt()).isTrue();
    assertThat(j.get("n_images").asInt()).isEqualTo(2);
    for (String k : List.of("detection", "e2e", "e2e_cased")) {
      List<String> sub = new ArrayList<>();
      j.get(k).fieldNames().forEachRemaining(sub::add);
      assertThat(sub).containsExactly("precision", "recall", "f");
      j.get(k).forEach(v -> assertThat(v.isDouble() || v.isInt()).isTrue());
    }
    // micro-averaged: detection tp 4 of 6 predicted, 8 truth
    assertThat(j.get("detection").get("precision").asDouble()).isEqualTo(0.6667);
    assertThat(j.get("detection").get("recall").asDouble()).isEqualTo(0.5);
    assertThat(j.get("detection").get("f").asDouble()).isEqualTo(0.5714);
    assertThat(j.get("pages_per_s").asDouble()).isEqualTo(4.0);
    assertThat(j.get("ms_per_page").asDouble()).isEqualTo(200.0);
    assertThat(j.get("engine").asText()).isEqualTo("test");
    try (Stream<Path> s = Files.list(file.getParent())) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("report.json");
    }
  }
}
