package org.jaznet.recognizer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalReportTest {
  static EvalReport report(Double lexicon) {
    Map<String, Accuracy> heads = new LinkedHashMap<>();
    heads.put("dict", new Accuracy(0.5, lexicon, 0.375, 0.25));
    heads.put("char", new Accuracy(0.25, lexicon, 0.125, 0.125));
    heads.put("fused", new Accuracy(0.75, lexicon, 0.5, 0.5));
    return new EvalReport("IC13_1015", 4, heads, lexicon == null ? null : "lex.txt", lexicon == null ? 0 : 10,
        List.of(new EvalReport.Failure("word_9.png", "not a decodable image")), 100);
  }

  @Test
  void toJson_noLexicon_contractShapeWithNulls() throws Exception {
    JsonNode root = new ObjectMapper().readTree(report(null).toJson());
    assertThat(root.fieldNames()).toIterable().containsExactly("dataset", "n", "heads");
    assertThat(root.get("dataset").asText()).isEqualTo("IC13_1015");
    assertThat(root.get("n").isInt()).isTrue();
    assertThat(root.get("heads").fieldNames()).toIterable().containsExactly("dict", "char", "fused");
    JsonNode dict = root.get("heads").get("dict");
    assertThat(dict.fieldNames()).toIterable().containsExactly("unconstrained", "lexicon", "cased", "full");
    assertThat(dict.get("cased").asDouble()).isEqualTo(0.375);
    assertThat(dict.get("full").asDouble()).isEqualTo(0.25);
    assertThat(dict.get("unconstrained").asDouble()).isEqualTo(0.5);
    assertThat(dict.get("lexicon").isNull()).isTrue();
  }

  @Test
  void toJson_withLexicon_fractions() throws Exception {
    JsonNode root = new ObjectMapper().readTree(report(0.875).toJson());
    assertThat(root.get("heads").get("fused").get("lexicon").asDouble()).isEqualTo(0.875);
    assertThat(root.get("heads").get("fused").get("unconstrained").asDouble()).isEqualTo(0.75);
  }

  @Test
  void toMarkdown_namesProtocolLexiconAndFailures() {
    String md = report(0.875).toMarkdown();
    assertThat(md).contains("lowercase, only [0-9a-z] kept, exact match").contains("lex.txt (10 words)")
        .contains("| dict | 50.0 % | 87.5 % | 37.5 % | 25.0 % |").contains("| fused | 75.0 % | 87.5 % | 50.0 % | 50.0 % |").contains("word_9.png");
    assertThat(report(null).toMarkdown()).contains("Lexicon: none").contains("| char | 25.0 % | - | 12.5 % | 12.5 % |");
  }

  @Test
  void accuracy_outsideUnitInterval_throws() {
    assertThatThrownBy(() -> new Accuracy(1.5, null, 0, 0)).hasMessageContaining("1.5");
  }
}
