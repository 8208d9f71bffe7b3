package org.jaznet.pages.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageResult;
import org.junit.jupiter.api.Assumptions;
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
  void write_validatesAgainstTheOfficialXsd_whenAvailable() {
    Schema schema = AltoSchema.load();
    Assumptions.assumeTrue(schema != null,
        "official ALTO 4.2 XSD not on the class path (" + AltoSchema.RESOURCE + ") nor -Djaznet.alto.xsd: structural checks only");
    for (DocumentResult doc : List.of(
        Fixtures.twoPages(),
        Fixtures.oneWord("a&<\"b\u0001", Fixtures.NASTY),
        Fixtures.oneWord("", ""),
        new DocumentResult("none", List.of(new PageResult(7, 1, 1, List.of()))))) {
      byte[] xml = Fixtures.write(PageFormat.ALTO, doc);
      assertThatCode(() -> schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml))))
          .doesNotThrowAnyException();
    }
  }

  private static String box(Element e) {
    return e.getAttribute("HPOS") + "," + e.getAttribute("VPOS") + "," + e.getAttribute("WIDTH") + "," + e.getAttribute("HEIGHT");
  }
}
