package org.jaznet.pages.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonPageWriterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void write_hasTheContractShape() throws IOException {
    JsonNode root = MAPPER.readTree(Fixtures.write(PageFormat.JSON, Fixtures.twoPages()));

    assertThat(names(root)).containsExactly("source", "pages");
    assertThat(root.get("source").asText()).isEqualTo("scans/invoice 1.pdf");
    JsonNode pages = root.get("pages");
    assertThat(pages.size()).isEqualTo(2);
    JsonNode p1 = pages.get(0);
    assertThat(names(p1)).containsExactly("page", "width", "height", "words");
    assertThat(p1.get("page").isInt()).isTrue();
    assertThat(p1.get("page").asInt()).isEqualTo(1);
    assertThat(p1.get("width").asInt()).isEqualTo(1000);
    assertThat(p1.get("height").asInt()).isEqualTo(800);
    assertThat(p1.get("words").size()).isEqualTo(6);
    JsonNode w = p1.get("words").get(0);
    assertThat(names(w)).containsExactly("box", "text", "confidence", "line", "block");
    assertThat(w.get("box").toString()).isEqualTo("[100,100,80,30]");
    assertThat(w.get("text").asText()).isEqualTo("Hello");
    assertThat(w.get("confidence").isFloatingPointNumber()).isTrue();
    assertThat(w.get("confidence").asDouble()).isEqualTo(0.9877);
    assertThat(w.get("line").asInt()).isEqualTo(1);
    assertThat(w.get("block").asInt()).isEqualTo(1);
    assertThat(p1.get("words").get(4).get("block").asInt()).isEqualTo(2);
    assertThat(pages.get(1).get("words").isArray()).isTrue();
    assertThat(pages.get(1).get("words").size()).isZero();
  }

  @Test
  void write_roundsConfidenceToFourDecimals() throws IOException {
    JsonNode words = MAPPER.readTree(Fixtures.write(PageFormat.JSON, Fixtures.twoPages())).get("pages").get(0).get("words");
    List<Double> conf = new ArrayList<>();
    words.forEach(w -> conf.add(w.get("confidence").asDouble()));
    assertThat(conf).containsExactly(0.9877, 0.5, 0.1234, 1.0, 0.0, 1.0);
  }

  @Test
  void write_escapesAnyTextAndDropsOnlyLoneSurrogates() throws IOException {
    byte[] json = Fixtures.write(PageFormat.JSON, Fixtures.oneWord("a\"b\\c\u0001", Fixtures.NASTY));
    JsonNode root = MAPPER.readTree(json);
    assertThat(root.get("source").asText()).isEqualTo("a\"b\\c\u0001");
    assertThat(root.get("pages").get(0).get("words").get(0).get("text").asText())
        .isEqualTo(XmlChars.stripLoneSurrogates(Fixtures.NASTY))
        .contains("\uD83D\uDE00", "\u0001", "]]>");
  }

  @Test
  void write_leavesTheStreamOpen() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream() {
      @Override
      public void close() {
        throw new AssertionError("closed");
      }
    };
    PageWriters.of(PageFormat.JSON).write(Fixtures.twoPages(), out);
    assertThat(out.size()).isPositive();
  }

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
