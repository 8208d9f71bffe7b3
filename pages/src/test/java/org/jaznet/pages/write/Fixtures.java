package org.jaznet.pages.write;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** Documents to write and the XML reading of what was written. */
final class Fixtures {
  /** Everything XML writers get wrong, in one string. */
  static final String NASTY = "<a href=\"x\">&amp; 'q' ]]> \uD83D\uDE00 \u0001\u001F \uD800 \uDC00 \uFFFE\uFFFF end";
  /** {@link #NASTY} as XML can carry it. */
  static final String NASTY_CLEAN = "<a href=\"x\">&amp; 'q' ]]> \uD83D\uDE00     end";

  private Fixtures() {}

  static PageWord word(int x, int y, int w, int h, String text, double conf, int line, int block) {
    return new PageWord(new PageBox(x, y, w, h), text, conf, line, block);
  }

  /**
   * Page 1 (1000x800): block 1 with lines "Hello world" and "second line", block 2 "Total: 42";
   * page 2 (500x400) without words.
   */
  static DocumentResult twoPages() {
    PageResult p1 = new PageResult(1, 1000, 800, List.of(
        word(100, 100, 80, 30, "Hello", 0.98765, 1, 1),
        word(200, 105, 90, 30, "world", 0.5, 1, 1),
        word(100, 150, 120, 32, "second", 0.12344, 2, 1),
        word(230, 148, 60, 30, "line", 1.0, 2, 1),
        word(600, 500, 100, 40, "Total:", 0.0, 3, 2),
        word(710, 502, 40, 38, "42", 0.99996, 3, 2)));
    PageResult p2 = new PageResult(2, 500, 400, List.of());
    return new DocumentResult("scans/invoice 1.pdf", List.of(p1, p2));
  }

  /** One page whose only word is {@code text}, from source {@code source}. */
  static DocumentResult oneWord(String source, String text) {
    return new DocumentResult(source, List.of(new PageResult(1, 100, 50, List.of(word(1, 2, 30, 20, text, 0.75, 1, 1)))));
  }

  static byte[] write(PageFormat format, DocumentResult doc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PageWriters.of(format).write(doc, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String string(PageFormat format, DocumentResult doc) {
    return new String(write(format, doc), StandardCharsets.UTF_8);
  }

  /** Parses {@code xml} namespace-aware, fetching nothing (a DTD declaration is allowed, not loaded). */
  static Document parse(byte[] xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new ByteArrayInputStream(xml));
    } catch (ParserConfigurationException | SAXException e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The child elements of {@code e}, in order. */
  static List<Element> children(Element e) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c) {
        out.add(c);
      }
    }
    return out;
  }

  /** The child elements of {@code e} with local name {@code name}, in order. */
  static List<Element> children(Element e, String name) {
    return children(e).stream().filter(c -> c.getLocalName().equals(name)).toList();
  }

  /** Every element named {@code name} in {@code d}, in document order. */
  static List<Element> all(Document d, String name) {
    NodeList nl = d.getElementsByTagNameNS("*", name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nl.getLength(); i++) {
      out.add((Element) nl.item(i));
    }
    return out;
  }
}
