package org.jaznet.pages.write;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over the JDK's own {@link XMLStreamWriter} (not whatever StAX provider the class path
 * brings) that cleans every text and attribute with {@link XmlChars} and indents elements. The
 * writer escapes {@code < & > "}; this layer also writes a carriage return in text as {@code &#13;},
 * which a reader would otherwise turn into a newline.
 */
final class XmlOut {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private final XMLStreamWriter w;
  private int depth;
  private boolean textInElement;

  XmlOut(OutputStream out) throws XMLStreamException {
    this.w = FACTORY.createXMLStreamWriter(out, "UTF-8");
  }

  XMLStreamWriter raw() {
    return w;
  }

  void startDocument() throws XMLStreamException {
    w.writeStartDocument("UTF-8", "1.0");
  }

  void dtd(String dtd) throws XMLStreamException {
    w.writeCharacters("\n");
    w.writeDTD(dtd);
  }

  /** Starts an element on a new, indented line. */
  void start(String name) throws XMLStreamException {
    newline();
    w.writeStartElement(name);
    depth++;
    textInElement = false;
  }

  /** An empty element on a new, indented line. */
  void empty(String name) throws XMLStreamException {
    newline();
    w.writeEmptyElement(name);
    textInElement = false;
  }

  void attr(String name, String value) throws XMLStreamException {
    w.writeAttribute(name, XmlChars.cleanAttribute(value));
  }

  void attr(String name, long value) throws XMLStreamException {
    w.writeAttribute(name, Long.toString(value));
  }

  /** Text content, cleaned; the element's end tag then follows it on the same line. */
  void text(String text) throws XMLStreamException {
    String s = XmlChars.clean(text);
    int from = 0;
    for (int cr = s.indexOf('\r'); cr >= 0; cr = s.indexOf('\r', from)) {
      w.writeCharacters(s.substring(from, cr));
      w.writeEntityRef("#13");
      from = cr + 1;
    }
    w.writeCharacters(s.substring(from));
    textInElement = true;
  }

  void end() throws XMLStreamException {
    depth--;
    if (!textInElement) {
      newline();
    }
    w.writeEndElement();
    textInElement = false;
  }

  void endDocument() throws XMLStreamException {
    w.writeEndDocument();
    w.writeCharacters("\n");
    w.flush();
    w.close();
  }

  private void newline() throws XMLStreamException {
    w.writeCharacters("\n");
    w.writeCharacters("  ".repeat(depth));
  }

  /** An {@link XMLStreamException} as the {@link IOException} that {@link PageWriter} declares. */
  static IOException io(XMLStreamException e) {
    return e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
  }
}
