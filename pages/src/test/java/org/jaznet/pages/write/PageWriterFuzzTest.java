package org.jaznet.pages.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * hOCR and ALTO writers: any texts, sources and boxes give well-formed XML (parsed back here) whose
 * texts are the inputs less what XML 1.0 cannot carry ({@link XmlChars}); ALTO also keeps the
 * structure of the schema ({@link AltoStructure}) and validates against the official ALTO 4.2 XSD
 * ({@link AltoSchema}); a document without pages, which ALTO cannot express, is refused. Regression mode runs the seeds in
 * {@code src/test/resources/org/jaznet/pages/write/PageWriterFuzzTestInputs/}; {@code JAZZER_FUZZ=1}
 * fuzzes one target for real.
 */
class PageWriterFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void hocr_anyDocument_wellFormedAndTextsKept(FuzzedDataProvider data) {
    DocumentResult doc = document(data);
    Document d = Fixtures.parse(Fixtures.write(PageFormat.HOCR, doc));
    List<Element> words = Fixtures.all(d, "span").stream()
        .filter(e -> e.getAttribute("class").equals("ocrx_word")).toList();
    List<PageWord> expected = doc.pages().stream().flatMap(p -> p.words().stream()).toList();
    assertThat(words).hasSameSizeAs(expected);
    for (int i = 0; i < words.size(); i++) {
      PageWord w = expected.get(i);
      assertThat(words.get(i).getTextContent()).isEqualTo(XmlChars.clean(w.text()));
      assertThat(words.get(i).getAttribute("title"))
          .isEqualTo(HocrPageWriter.bbox(w.box()) + "; x_wconf " + Math.round(w.confidence() * 100));
    }
    assertThat(Fixtures.all(d, "title").get(0).getTextContent()).isEqualTo(XmlChars.clean(doc.source()));
    List<Element> pages = Fixtures.all(d, "div").stream().filter(e -> e.getAttribute("class").equals("ocr_page")).toList();
    assertThat(pages).hasSameSizeAs(doc.pages());
    for (Element p : pages) {
      assertThat(p.getAttribute("title")).startsWith("image \"" + HocrPageWriter.imageName(doc.source()) + "\"; bbox 0 0 ");
    }
  }

  @FuzzTest(maxDuration = "2m")
  void alto_anyDocument_wellFormedStructuredAndContentKept(FuzzedDataProvider data) {
    DocumentResult doc = document(data);
    if (doc.pages().isEmpty()) {
      assertThatThrownBy(() -> Fixtures.write(PageFormat.ALTO, doc)).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    byte[] xml = Fixtures.write(PageFormat.ALTO, doc);
    Document d = Fixtures.parse(xml);
    AltoStructure.check(d);
    assertThat(AltoSchema.problems(xml)).isEmpty();
    List<Element> strings = Fixtures.all(d, "String");
    List<PageWord> expected = doc.pages().stream().flatMap(p -> p.words().stream()).toList();
    assertThat(strings).hasSameSizeAs(expected);
    for (int i = 0; i < strings.size(); i++) {
      PageWord w = expected.get(i);
      Element s = strings.get(i);
      assertThat(s.getAttribute("CONTENT")).isEqualTo(XmlChars.cleanAttribute(w.text()));
      assertThat(s.getAttribute("HPOS") + " " + s.getAttribute("VPOS") + " " + s.getAttribute("WIDTH") + " " + s.getAttribute("HEIGHT"))
          .isEqualTo(w.box().x() + " " + w.box().y() + " " + w.box().w() + " " + w.box().h());
      assertThat(Double.parseDouble(s.getAttribute("WC"))).isCloseTo(w.confidence(), org.assertj.core.api.Assertions.within(0.00005));
    }
    assertThat(Fixtures.all(d, "fileName").get(0).getTextContent()).isEqualTo(XmlChars.clean(doc.source()));
    assertThat(Fixtures.all(d, "Page")).hasSameSizeAs(doc.pages());
  }

  /** Up to 3 pages (distinct numbers) of up to 12 words each, with any text and any box. */
  static DocumentResult document(FuzzedDataProvider data) {
    String source = text(data, 40);
    int pageCount = data.consumeInt(0, 3);
    List<PageResult> pages = new ArrayList<>();
    int pageNo = 0;
    for (int p = 0; p < pageCount; p++) {
      pageNo += data.consumeInt(1, 1000);
      int n = data.consumeInt(0, 12);
      List<PageWord> words = new ArrayList<>();
      int line = 1;
      int block = 1;
      for (int i = 0; i < n; i++) {
        if (data.consumeInt(0, 3) == 0) {
          line = data.consumeInt(1, 50);
        }
        if (data.consumeInt(0, 5) == 0) {
          block = data.consumeInt(1, 10);
        }
        PageBox box = new PageBox(data.consumeInt(0, 1 << 20), data.consumeInt(0, 1 << 20),
            data.consumeInt(1, 1 << 16), data.consumeInt(1, 1 << 16));
        words.add(new PageWord(box, text(data, 24), data.consumeProbabilityDouble(), line, block));
      }
      pages.add(new PageResult(pageNo, data.consumeInt(1, 1 << 16), data.consumeInt(1, 1 << 16), words));
    }
    return new DocumentResult(source, pages);
  }

  /** Any string, with now and then a character XML writers trip on. */
  private static String text(FuzzedDataProvider data, int max) {
    StringBuilder b = new StringBuilder(data.consumeString(max));
    if (data.consumeBoolean()) {
      char[] tricky = {'\u0000', '\u0001', '\t', '\n', '\r', '<', '&', '"', '\'', '>', '\uD800', '\uDFFF', '\uFFFE', '\uFFFF', ']'};
      b.insert(data.consumeInt(0, b.length()), tricky[data.consumeInt(0, tricky.length - 1)]);
    }
    return b.toString();
  }
}
