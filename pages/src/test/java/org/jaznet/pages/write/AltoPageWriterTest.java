package org.jaznet.pages.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class AltoPageWriterTest {

  @Test
  void write_descriptionNamesUnitSourceAndSoftware() {
    Document d = Fixtures.parse(Fixtures.write(PageFormat.ALTO, Fixtures.twoPages()));
    AltoStructure.check(d);
    assertThat(Fixtures.all(d, "MeasurementUnit").get(0).getTextContent()).isEqualTo("pixel");
    assertThat(Fixtures.all(d, "fileName").get(0).getTextContent()).isEqualTo("scans/invoice 1.pdf");
    assertThat(Fixtures.all(d, "softwareName").get(0).getTextContent()).isEqualTo("jaznet");
    assertThat(d.getDocumentElement().getAttribute("SCHEMAVERSION")).isEqualTo("4.2");
  }

  @Test
  void write_pagesBlocksLinesStrings() {
    Document d = Fixtures.parse(Fixtures.write(PageFormat.ALTO, Fixtures.twoPages()));
    List<Element> pages = Fixtures.all(d, "Page");
    assertThat(pages).extracting(p -> p.getAttribute("ID")).containsExactly("P1", "P2");
    assertThat(pages).extracting(p -> p.getAttribute("PHYSICAL_IMG_NR")).containsExactly("1", "2");
    assertThat(pages).extracting(p -> p.getAttribute("WIDTH") + "x" + p.getAttribute("HEIGHT")).containsExactly("1000x800", "500x400");

    List<Element> blocks = Fixtures.all(d, "TextBlock");
    assertThat(blocks).extracting(AltoPageWriterTest::box).containsExactly("100,100,190,82", "600,500,150,40");
    assertThat(Fixtures.all(d, "TextLine")).extracting(AltoPageWriterTest::box)
        .containsExactly("100,100,190,35", "100,148,190,34", "600,500,150,40");
    List<Element> strings = Fixtures.all(d, "String");
    assertThat(strings).extracting(s -> s.getAttribute("CONTENT")).containsExactly("Hello", "world", "second", "line", "Total:", "42");
    assertThat(strings).extracting(s -> s.getAttribute("WC")).containsExactly("0.9877", "0.5", "0.1234", "1", "0", "1");
    assertThat(box(strings.get(1))).isEqualTo("200,105,90,30");

    List<Element> firstLine = Fixtures.children(Fixtures.all(d, "TextLine").get(0));
    assertThat(firstLine).extracting(Element::getLocalName).containsExactly("String", "SP", "String");
    Element sp = firstLine.get(1);
    assertThat(sp.getAttribute("HPOS")).isEqualTo("180");
    assertThat(sp.getAttribute("WIDTH")).isEqualTo("20");
  }

  @Test
  void write_emptyPageHasPageAndPrintSpace() {
    Document d = Fixtures.parse(Fixtures.write(PageFormat.ALTO, Fixtures.twoPages()));
    Element p2 = Fixtures.all(d, "Page").get(1);
    List<Element> spaces = Fixtures.children(p2);
    assertThat(spaces).extracting(Element::getLocalName).containsExactly("PrintSpace");
    assertThat(box(spaces.get(0))).isEqualTo("0,0,500,400");
    assertThat(Fixtures.children(spaces.get(0))).isEmpty();
  }

  @Test
  void write_anyTextIsWellFormed_contentIsTheCleanText() {
    String source = "dir/\"q\" & <x> ]]>\u0002\uDBFF.png";
    Document d = Fixtures.parse(Fixtures.write(PageFormat.ALTO, Fixtures.oneWord(source, Fixtures.NASTY + "\ttab\nnl\rcr")));
    AltoStructure.check(d);
    assertThat(Fixtures.all(d, "String").get(0).getAttribute("CONTENT")).isEqualTo(Fixtures.NASTY_CLEAN + " tab nl cr");
    assertThat(Fixtures.all(d, "fileName").get(0).getTextContent()).isEqualTo("dir/\"q\" & <x> ]]>.png");
  }

  @Test
  void write_sameLineNumberInTwoBlocks_idsStayUnique() {
    DocumentResult doc = new DocumentResult("x", List.of(new PageResult(1, 50, 50, List.of(
        Fixtures.word(0, 0, 5, 5, "a", 0.3, 1, 1),
        Fixtures.word(9, 0, 5, 5, "b", 0.3, 1, 2),
        Fixtures.word(3, 0, 5, 5, "c", 0.3, 1, 2)))));
    Document d = Fixtures.parse(Fixtures.write(PageFormat.ALTO, doc));
    AltoStructure.check(d);
    assertThat(Fixtures.all(d, "TextBlock")).hasSize(2);
    // c starts left of b's end: an SP without a width
    Element sp = Fixtures.children(Fixtures.all(d, "TextLine").get(1)).get(1);
    assertThat(sp.getLocalName()).isEqualTo("SP");
    assertThat(sp.hasAttribute("WIDTH")).isFalse();
  }

  @Test
  void officialXsd_isAlto42WithTheXlinkItImports() throws Exception {
    Document xsd = Fixtures.parse(AltoSchema.locate().openStream().readAllBytes());
    Element schema = xsd.getDocumentElement();
    assertThat(schema.getLocalName()).isEqualTo("schema");
    assertThat(schema.getAttribute("version")).isEqualTo("4.2");
    assertThat(schema.getAttribute("targetNamespace")).isEqualTo(AltoPageWriter.NS);
    assertThat(AltoPageWriter.SCHEMA_LOCATION).isEqualTo(AltoPageWriter.NS + " http://www.loc.gov/standards/alto/v4/alto-4-2.xsd");
    Element imp = Fixtures.children(schema).stream().filter(e -> e.getLocalName().equals("import")).findFirst().orElseThrow();
    assertThat(imp.getAttribute("namespace")).isEqualTo(AltoSchema.XLINK_NS);

    Document xlink = Fixtures.parse(AltoPageWriterTest.class.getResourceAsStream("xlink.xsd").readAllBytes());
    assertThat(xlink.getDocumentElement().getAttribute("targetNamespace")).isEqualTo(AltoSchema.XLINK_NS);
    // ALTO refers to xlink:simpleLink, which the LoC XLink schema defines (W3C's XLink 1.1 one does not)
    assertThat(Fixtures.children(xlink.getDocumentElement()))
        .anySatisfy(e -> assertThat(e.getLocalName() + " " + e.getAttribute("name")).isEqualTo("attributeGroup simpleLink"));
    assertThat(AltoSchema.load()).isNotNull();
  }

  @Test
  void write_validatesAgainstTheOfficialXsd() {
    DocumentResult overlapping = new DocumentResult("x", List.of(new PageResult(1, 50, 50, List.of(
        Fixtures.word(0, 0, 5, 5, "a", 0.3, 1, 1),
        Fixtures.word(9, 0, 5, 5, "b", 0.3, 1, 2),
        Fixtures.word(3, 0, 5, 5, "c", 0.3, 1, 2)))));
    Map<String, DocumentResult> docs = new LinkedHashMap<>();
    docs.put("two pages, the second without words", Fixtures.twoPages());
    docs.put("markup, controls and lone surrogates in source and text",
        Fixtures.oneWord("dir/\"q\" & <x> ]]>\u0002\uDBFF.png", Fixtures.NASTY + "\ttab\nnl\rcr"));
    docs.put("escaping in a short source", Fixtures.oneWord("a&<\"b\u0001", Fixtures.NASTY));
    docs.put("empty source and empty text", Fixtures.oneWord("", ""));
    docs.put("text that is only whitespace", Fixtures.oneWord(" \t\n", " \t\r\n "));
    docs.put("one page without words", new DocumentResult("none", List.of(new PageResult(7, 1, 1, List.of()))));
    docs.put("overlapping words, SP without width", overlapping);
    docs.put("confidence 0, 1 and nearly 0, 1-pixel boxes", new DocumentResult("e", List.of(new PageResult(3, 10, 10, List.of(
        Fixtures.word(0, 0, 1, 1, "0", 0.0, 1, 1),
        Fixtures.word(1, 0, 1, 1, "1", 1.0, 1, 1),
        Fixtures.word(2, 0, 1, 1, "tiny", 0.00001, 1, 1))))));
    for (Map.Entry<String, DocumentResult> doc : docs.entrySet()) {
      byte[] xml = Fixtures.write(PageFormat.ALTO, doc.getValue());
      assertThat(AltoSchema.problems(xml)).as("%s:%n%s", doc.getKey(), new String(xml, StandardCharsets.UTF_8)).isEmpty();
    }
  }

  @Test
  void write_documentWithoutPages_isRefused_asAltoNeedsAPage() {
    assertThatThrownBy(() -> Fixtures.write(PageFormat.ALTO, new DocumentResult("empty.pdf", List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty.pdf");
  }

  @Test
  void officialXsd_rejectsAltoThatBreaksIt() {
    String valid = new String(Fixtures.write(PageFormat.ALTO, Fixtures.oneWord("s", "word")), StandardCharsets.UTF_8);
    assertThat(AltoSchema.problems(valid.getBytes(StandardCharsets.UTF_8))).isEmpty();
    for (String[] breakage : new String[][] {
        {" CONTENT=\"word\"", ""},                      // String without its required CONTENT
        {"WC=\"0.75\"", "WC=\"1.5\""},                  // confidence outside [0, 1]
        {" PHYSICAL_IMG_NR=\"1\"", ""},                 // Page without its required PHYSICAL_IMG_NR
        {"<MeasurementUnit>pixel<", "<MeasurementUnit>px<"}, // not one of pixel, mm10, inch1200
        {" ID=\"P1_TB1\"", " ID=\"1TB\""}}) {           // an ID that is not an NCName
      assertThat(valid).contains(breakage[0]);
      byte[] broken = valid.replace(breakage[0], breakage[1]).getBytes(StandardCharsets.UTF_8);
      assertThat(AltoSchema.problems(broken)).as(breakage[0] + " -> " + breakage[1]).isNotEmpty();
    }
  }

  private static String box(Element e) {
    return e.getAttribute("HPOS") + "," + e.getAttribute("VPOS") + "," + e.getAttribute("WIDTH") + "," + e.getAttribute("HEIGHT");
  }
}
