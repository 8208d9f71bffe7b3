package org.jaznet.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;
import org.jaznet.pages.write.PageFormat;
import org.jaznet.pages.write.PageWriters;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The hOCR and ALTO writers on any texts and source names: the output is always well-formed XML, and
 * every word's text comes back as written, less the characters XML 1.0 cannot hold.
 */
class PageWriterFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void hocrAndAlto_anyText_wellFormedAndRoundTrips(FuzzedDataProvider data) throws Exception {
    String source = data.consumeString(60);
    int n = data.consumeInt(0, 12);
    List<PageWord> words = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      PageBox box = new PageBox(data.consumeInt(0, 5000), data.consumeInt(0, 5000), data.consumeInt(1, 500), data.consumeInt(1, 200));
      words.add(new PageWord(box, data.consumeString(30), data.consumeProbabilityDouble(), 1 + i / 3, 1 + i / 6));
    }
    DocumentResult doc = new DocumentResult(source, List.of(new PageResult(1, 6000, 6000, words)));
    var dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    for (PageFormat f : List.of(PageFormat.HOCR, PageFormat.ALTO)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      PageWriters.of(f).write(doc, out);
      var parsed = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
      List<String> back = new ArrayList<>();
      if (f == PageFormat.HOCR) {
        NodeList spans = parsed.getElementsByTagName("span");
        for (int i = 0; i < spans.getLength(); i++) {
          Element e = (Element) spans.item(i);
          if (e.getAttribute("class").equals("ocrx_word")) {
            back.add(e.getTextContent());
          }
        }
      } else {
        NodeList strings = parsed.getElementsByTagNameNS("http://www.loc.gov/standards/alto/ns-v4#", "String");
        for (int i = 0; i < strings.getLength(); i++) {
          back.add(((Element) strings.item(i)).getAttribute("CONTENT"));
        }
      }
      assertThat(back).hasSize(words.size());
      for (int i = 0; i < words.size(); i++) {
        assertThat(back.get(i)).isEqualTo(xmlSafe(words.get(i).text()));
      }
    }
  }

  /** The text as the writers keep it: XML-illegal code points dropped, line breaks and tabs as spaces. */
  static String xmlSafe(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(c -> {
      boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
          || (c >= 0x10000 && c <= 0x10FFFF);
      if (ok) {
        sb.appendCodePoint(c == 0x9 || c == 0xA || c == 0xD ? ' ' : c);
      }
    });
    return sb.toString();
  }
}
