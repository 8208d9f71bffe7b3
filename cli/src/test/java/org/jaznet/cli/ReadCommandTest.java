package org.jaznet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jaznet read} and {@code jaznet batch --pages} on real page files, with the shipped default model. */
class ReadCommandTest {
  static final List<String> PAGE_A = List.of("open the door", "seven large boxes");
  static final List<String> PAGE_B = List.of("quiet harbour", "copper wire");
  @TempDir static Path dir;
  static Path in;

  @BeforeAll
  static void files() throws Exception {
    in = Files.createDirectories(dir.resolve("in"));
    TestDocuments.png(in.resolve("a.png"), TestDocuments.page(PAGE_A, 800, 300));
    TestDocuments.tiff(in.resolve("b.tif"), List.of(TestDocuments.bilevel(TestDocuments.page(PAGE_B, 800, 300)),
        TestDocuments.page(PAGE_A, 800, 300)), "CCITT T.6");
    TestDocuments.pdf(in.resolve("c.pdf"), List.of(PAGE_A, List.of(), PAGE_B));
    Files.write(in.resolve("broken.pdf"), "%PDF-1.4 this is not a PDF".getBytes(StandardCharsets.US_ASCII));
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = JaznetCli.commandLine().execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /**
   * The page's words under the standard protocol: these tests check the page reading (detection, order, output
   * files), not the default model's case, which `jaznet eval` measures (o/O and c/C are its common confusions).
   */
  static List<String> texts(JsonNode page) {
    List<String> t = new ArrayList<>();
    page.get("words").forEach(w -> t.add(org.jaznet.recognizer.eval.Protocol.normalise(w.get("text").asText())));
    return t;
  }

  @Test
  void json_onePerInput_pagesInOrder_failuresNamed() throws Exception {
    Path out = dir.resolve("json");
    Path draw = dir.resolve("draw/a.png");
    Run r = run("read", "--format", "json", "--detector", "doc", "--dpi", "100", "--output", out.toString(),
        "--draw", draw.toString(), in.resolve("*.{png,tif,pdf}").toString());
    // the broken PDF fails, so the exit status is 1; everything else is read
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("broken.pdf").contains("malformed PDF");
    assertThat(Files.readString(out.resolve("failures.tsv"))).contains("broken.pdf");
    assertThat(draw).isRegularFile();
    ObjectMapper m = new ObjectMapper();
    JsonNode a = m.readTree(out.resolve("a.png.json").toFile());
    assertThat(a.get("source").asText()).endsWith("a.png");
    assertThat(a.get("pages")).hasSize(1);
    JsonNode pa = a.get("pages").get(0);
    assertThat(pa.get("page").asInt()).isEqualTo(1);
    assertThat(pa.get("width").asInt()).isEqualTo(800);
    assertThat(pa.get("height").asInt()).isEqualTo(300);
    assertThat(texts(pa)).containsExactly("open", "the", "door", "seven", "large", "boxes");
    JsonNode w0 = pa.get("words").get(0);
    assertThat(w0.get("box")).hasSize(4);
    assertThat(w0.get("line").asInt()).isEqualTo(1);
    assertThat(pa.get("words").get(3).get("line").asInt()).isEqualTo(2);
    assertThat(w0.get("confidence").asDouble()).isBetween(0.0, 1.0);

    JsonNode b = m.readTree(out.resolve("b.tif.json").toFile());
    assertThat(b.get("pages")).hasSize(2);
    assertThat(texts(b.get("pages").get(0))).containsExactly("quiet", "harbour", "copper", "wire");
    assertThat(texts(b.get("pages").get(1))).containsExactly("open", "the", "door", "seven", "large", "boxes");

    JsonNode c = m.readTree(out.resolve("c.pdf.json").toFile());
    assertThat(c.get("pages")).hasSize(3);
    // Letter at 100 dpi
    assertThat(c.get("pages").get(0).get("width").asInt()).isBetween(849, 850);
    assertThat(c.get("pages").get(0).get("height").asInt()).isBetween(1099, 1100);
    assertThat(c.get("pages").get(1).get("words")).isEmpty();
    assertThat(texts(c.get("pages").get(2))).containsExactly("quiet", "harbour", "copper", "wire");
    assertThat(out.resolve("broken.pdf.json")).doesNotExist();
    try (Stream<Path> s = Files.list(out)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".tmp"));
    }
  }

  @Test
  void hocrAndAlto_areWellFormedXmlWithEveryWord() throws Exception {
    for (String f : List.of("hocr", "alto", "text")) {
      Path out = dir.resolve(f);
      Run r = run("read", "--format", f, "--detector", "doc", "--output", out.toString(), in.resolve("a.png").toString());
      assertThat(r.exit()).as(r.err()).isZero();
    }
    var dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    var hocr = dbf.newDocumentBuilder().parse(dir.resolve("hocr/a.png.hocr").toFile());
    assertThat(hocr.getElementsByTagName("span").getLength()).isEqualTo(2 + 6);
    var alto = dbf.newDocumentBuilder().parse(dir.resolve("alto/a.png.alto.xml").toFile());
    assertThat(alto.getElementsByTagNameNS("http://www.loc.gov/standards/alto/ns-v4#", "String").getLength()).isEqualTo(6);
    assertThat(alto.getElementsByTagNameNS("http://www.loc.gov/standards/alto/ns-v4#", "TextLine").getLength()).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("text/a.png.txt")).toLowerCase(java.util.Locale.ROOT))
        .isEqualTo("open the door\nseven large boxes\n");
  }

  @Test
  void sceneModel_aMissingFileIsAUsageError_aCopyOfTheShippedOneReads() throws Exception {
    Path page = Files.list(in).filter(p -> p.toString().endsWith(".png")).sorted().findFirst().orElseThrow();
    Run missing = run("read", "--detector", "scene", "--scene-model", dir.resolve("no-such.zip").toString(),
        "--output", dir.resolve("scene-missing").toString(), page.toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("--scene-model").contains("no-such.zip");
    Path copy = dir.resolve("scene-copy.zip");
    Files.copy(org.jaznet.pages.detect.WordDetectors.defaultSceneModel(), copy);
    Run ok = run("read", "--detector", "scene", "--scene-model", copy.toString(), "--format", "json",
        "--output", dir.resolve("scene-copy").toString(), page.toString());
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(dir.resolve("scene-copy").resolve(page.getFileName() + ".json")).isRegularFile();
  }

  @Test
  void aGlobMatchingNothing_isAUsageError() {
    Run r = run("read", "--output", dir.resolve("none").toString(), in.resolve("*.jpeg").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no input matches");
  }

  @Test
  void batchPages_onTheDirectRunner_readsWhatReadReads() throws Exception {
    Path out = dir.resolve("batch");
    Run r = run("batch", "--pages", "--input", in.resolve("*.{png,tif,pdf}").toString(), "--output", out.toString(),
        "--page-format", "json", "--detector", "doc", "--dpi", "100");
    assertThat(r.exit()).as(r.err() + r.out()).isZero();
    assertThat(r.out()).contains("3 files").contains("6 pages").contains("1 failures");
    ObjectMapper m = new ObjectMapper();
    JsonNode c = m.readTree(out.resolve("c.pdf.json").toFile());
    assertThat(c.get("pages")).hasSize(3);
    assertThat(texts(c.get("pages").get(2))).containsExactly("quiet", "harbour", "copper", "wire");
    JsonNode b = m.readTree(out.resolve("b.tif.json").toFile());
    assertThat(texts(b.get("pages").get(1))).containsExactly("open", "the", "door", "seven", "large", "boxes");
    assertThat(Files.readString(out.resolve("failures-pages.jsonl"))).contains("broken.pdf").contains("malformed PDF");
  }
}
