package org.jaznet.pages.write;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** StAX writers over UTF-8 streams; StAX escapes every text and attribute value. */
final class XmlWriters {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private XmlWriters() {}

  static XMLStreamWriter open(OutputStream out) throws IOException {
    try {
      return FACTORY.createXMLStreamWriter(out, "UTF-8");
    } catch (XMLStreamException e) {
      throw new IOException("cannot start XML output: " + e.getMessage(), e);
    }
  }

  static IOException failed(XMLStreamException e) {
    return new IOException("cannot write XML: " + e.getMessage(), e);
  }
}
