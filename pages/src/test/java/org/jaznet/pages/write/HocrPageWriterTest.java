package org.jaznet.pages.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HocrPageWriterTest {

  @Test
  void write_headNamesSystemAndCapabilities() {
    Document d = Fixtures.parse(Fixtures.write(PageFormat.HOCR, Fixtures.twoPages()));
    Element html = d.getDocumentElement();
    assertThat(html.getLocalName()).isEqualTo("html");
    assertThat(html.getNamespaceURI()).isEqualTo("http://www.w3.org/1999/xhtml");
    Map<String, String> meta = Fixtures.all(d, "meta").stream()
        .filter(m -> m.hasAttribute("name"))
        .collect(Collectors.toMap(m -> m.getAttribute("name"), m -> m.getAttribute("content")));
    assertThat(meta).containsEntry("ocr-system", "jaznet")
        .containsEntry("ocr-capabilities", "ocr_page ocr_carea ocr_par ocr_line ocrx_word");
  }

  @Test
  void write_pagesBlocksParagraphsLinesWords_withBboxAndConfidence() {
    Document d = Fixtures.parse(Fixtures.write(PageFormat.HOCR, Fixtures.twoPages()));
    List<Element> pages = byClass(d, "div", "ocr_page");
    assertThat(pages).hasSize(2);
    assertThat(pages.get(0).getAttribute("id")).isEqualTo("page_1");
    assertThat(pages.get(0).getAttribute("title")).isEqualTo("image \"scans/invoice 1.pdf\"; bbox 0 0 1000 800; ppageno 0");
    assertThat(pages.get(1).getAttribute("title")).isEqualTo("image \"scans/invoice 1.pdf\"; bbox 0 0 500 400; ppageno 1");
    assertThat(Fixtures.children(pages.get(1))).isEmpty();

    List<Element> areas = Fixtures.children(pages.get(0));
    assertThat(areas).extracting(e -> e.getAttribute("class")).containsExactly("ocr_carea", "ocr_carea");
    // block 1: union of (100,100)-(180,130), (200,105)-(290,135), (100,150)-(220,182), (230,148)-(290,178)
    assertThat(areas.get(0).getAttribute("title")).isEqualTo("bbox 100 100 290 182");
    Element par = Fixtures.children(areas.get(0)).get(0);
    assertThat(par.getLocalName()).isEqualTo("p");
    assertThat(par.getAttribute("class")).isEqualTo("ocr_par");
    assertThat(par.getAttribute("title")).isEqualTo("bbox 100 100 290 182");

    List<Element> lines = byClass(d, "span", "ocr_line");
    assertThat(lines).extracting(e -> e.getAttribute("title"))
        .containsExactly("bbox 100 100 290 135", "bbox 100 148 290 182", "bbox 600 500 750 540");
    List<Element> words = byClass(d, "span", "ocrx_word");
    assertThat(words).extracting(Element::getTextContent)
        .containsExactly("Hello", "world", "second", "line", "Total:", "42");
    assertThat(words).extracting(e -> e.getAttribute("title")).containsExactly(
        "bbox 100 100 180 130; x_wconf 99",
        "bbox 200 105 290 135; x_wconf 50",
        "bbox 100 150 220 182; x_wconf 12",
        "bbox 230 148 290 178; x_wconf 100",
        "bbox 600 500 700 540; x_wconf 0",
        "bbox 710 502 750 540; x_wconf 100");
    assertThat(Fixtures.all(d, "span")).extracting(e -> e.getAttribute("id")).doesNotHaveDuplicates();
    assertThat(words.get(0).getParentNode()).isSameAs(lines.get(0));
  }

  @Test
  void write_anyTextIsWellFormedAndKeptAsXmlAllows() {
    String source = "dir/\"q\" & <x> \\ ]]>\u0002\uDBFF.png";
    Document d = Fixtures.parse(Fixtures.write(PageFormat.HOCR, Fixtures.oneWord(source, Fixtures.NASTY + "\ttab\nnl\rcr")));
    Element word = byClass(d, "span", "ocrx_word").get(0);
    assertThat(word.getTextContent()).isEqualTo(Fixtures.NASTY_CLEAN + "\ttab\nnl\rcr");
    assertThat(Fixtures.all(d, "title").get(0).getTextContent()).isEqualTo("dir/\"q\" & <x> \\ ]]>.png");
    assertThat(byClass(d, "div", "ocr_page").get(0).getAttribute("title"))
        .startsWith("image \"dir/\\\"q\\\" & <x> \\\\ ]]>.png\"; bbox 0 0 100 50");
  }

  @Test
  void write_emptyDocumentHasHeadAndBody() {
    Document d = Fixtures.parse(Fixtures.write(PageFormat.HOCR, new DocumentResult("x", List.of())));
    assertThat(Fixtures.all(d, "body")).hasSize(1);
    assertThat(byClass(d, "div", "ocr_page")).isEmpty();
  }

  @Test
  void write_emptyWordTextGivesEmptySpan() {
    DocumentResult doc = new DocumentResult("x", List.of(new PageResult(3, 10, 10, List.of(Fixtures.word(0, 0, 2, 2, "", 0.5, 1, 1)))));
    Document d = Fixtures.parse(Fixtures.write(PageFormat.HOCR, doc));
    assertThat(byClass(d, "div", "ocr_page").get(0).getAttribute("title")).endsWith("ppageno 2");
    assertThat(byClass(d, "span", "ocrx_word").get(0).getTextContent()).isEmpty();
  }

  private static List<Element> byClass(Document d, String tag, String cls) {
    return Fixtures.all(d, tag).stream().filter(e -> e.getAttribute("class").equals(cls)).toList();
  }
}
