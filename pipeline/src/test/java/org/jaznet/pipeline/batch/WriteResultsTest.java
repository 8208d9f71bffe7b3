package org.jaznet.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.jaznet.pipeline.io.Box;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteResultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private static final List<WordResult> RESULTS = List.of(
      new WordResult("/d/a.png", "/d/a.png", null, null, "hello", 0.9,
          Map.of("CHAR", new HeadReading("hello", 0.8), "DICT", new HeadReading("hello", 0.95)), "Hello!"),
      new WordResult("/d/p.zip!x, \"q\".png#1,2,3,4", "/d/p.zip", "x, \"q\".png", new Box(1, 2, 3, 4), "world", 0.25,
          Map.of("NGRAM", new HeadReading("word", 0.3)), null));
  private static final List<Failure> FAILURES = List.of(new Failure("/d/b.png", "empty file (0 bytes)"));

  private void write(OutputFormat format) throws Throwable {
    BeamTests.withPipeline(getClass(), format.name(), p -> {
      PCollectionTuple t = PCollectionTuple
          .of(BatchTags.RESULTS, p.apply("R", Create.of(RESULTS).withCoder(SerializableCoder.of(WordResult.class))))
          .and(BatchTags.FAILURES, p.apply("F", Create.of(FAILURES).withCoder(SerializableCoder.of(Failure.class))));
      t.apply(WriteResults.to(dir.toString()).withFormat(format));
      p.run().waitUntilFinish();
    });
  }

  private List<String> lines(String prefix) throws Exception {
    List<String> all = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList()) {
        all.addAll(Files.readAllLines(f));
      }
    }
    return all;
  }

  @Test
  void write_jsonl_contractFields() throws Throwable {
    write(OutputFormat.JSONL);
    List<String> results = lines("results-");
    assertThat(results).hasSize(2);
    JsonNode boxed = results.stream().map(WriteResultsTest::json).filter(n -> n.has("box")).findFirst().orElseThrow();
    assertThat(boxed.get("source").asText()).isEqualTo("/d/p.zip!x, \"q\".png#1,2,3,4");
    assertThat(boxed.get("entry").asText()).isEqualTo("x, \"q\".png");
    assertThat(boxed.get("box").toString()).isEqualTo("[1,2,3,4]");
    assertThat(boxed.get("text").asText()).isEqualTo("world");
    assertThat(boxed.get("confidence").asDouble()).isEqualTo(0.25);
    assertThat(boxed.get("perHead").get("NGRAM").get("text").asText()).isEqualTo("word");
    assertThat(boxed.has("label")).isFalse();
    assertThat(lines("failures-")).containsExactly("{\"source\":\"/d/b.png\",\"reason\":\"empty file (0 bytes)\"}");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(f -> f.getFileName().toString()))
          .allMatch(n -> n.matches("(results|failures)-\\d{5}-of-\\d{5}\\.jsonl"));
    }
  }

  @Test
  void write_csv_headerAndQuoting() throws Throwable {
    write(OutputFormat.CSV);
    List<String> results = lines("results-");
    assertThat(Records.RESULTS_CSV_HEADER).isEqualTo("source,text,confidence,label,dict_text,dict_score,"
        + "char_text,char_score,ngram_text,ngram_score,ctc_text,ctc_score");
    assertThat(results).filteredOn(l -> l.equals(Records.RESULTS_CSV_HEADER)).isNotEmpty();
    assertThat(results).contains("/d/a.png,hello,0.900000,Hello!,hello,0.950000,hello,0.800000,,,,",
        "\"/d/p.zip!x, \"\"q\"\".png#1,2,3,4\",world,0.250000,,,,,,word,0.300000,,");
    assertThat(lines("failures-")).contains(Records.FAILURES_CSV_HEADER, "/d/b.png,empty file (0 bytes)");
  }

  private static JsonNode json(String s) {
    try {
      return JSON.readTree(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
