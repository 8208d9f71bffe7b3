package org.jaznet.pages.write;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;

/**
 * ALTO v4.2: a {@code Description} (pixel units, source file, jaznet as processing software), then per
 * page {@code Page / PrintSpace / TextBlock / TextLine / String} with HPOS, VPOS, WIDTH, HEIGHT, and WC
 * (the confidence, in [0, 1]) and CONTENT on each String, {@code SP} between Strings.
 */
final class AltoPageWriter implements PageWriter {
  static final String NS = "http://www.loc.gov/standards/alto/ns-v4#";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  @Override
  public void write(DocumentResult doc, OutputStream out) throws IOException {
    XMLStreamWriter x = XmlWriters.open(out);
    try {
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.setDefaultNamespace(NS);
      x.writeStartElement(NS, "alto");
      x.writeDefaultNamespace(NS);
      x.writeNamespace("xsi", XSI);
      x.writeAttribute(XSI, "schemaLocation", NS + " http://www.loc.gov/alto/v4/alto-4-2.xsd");
      x.writeCharacters("\n");
      x.writeStartElement(NS, "Description");
      element(x, "MeasurementUnit", "pixel");
      x.writeStartElement(NS, "sourceImageInformation");
      element(x, "fileName", XmlText.oneLine(doc.source()));
      x.writeEndElement();
      x.writeStartElement(NS, "OCRProcessing");
      x.writeAttribute("ID", "OCR_0");
      x.writeStartElement(NS, "ocrProcessingStep");
      x.writeStartElement(NS, "processingSoftware");
      element(x, "softwareName", "jaznet");
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeStartElement(NS, "Layout");
      for (PageResult p : doc.pages()) {
        int n = p.page();
        x.writeCharacters("\n");
        x.writeStartElement(NS, "Page");
        x.writeAttribute("ID", "page_" + n);
        x.writeAttribute("PHYSICAL_IMG_NR", Integer.toString(n));
        x.writeAttribute("WIDTH", Integer.toString(p.width()));
        x.writeAttribute("HEIGHT", Integer.toString(p.height()));
        x.writeStartElement(NS, "PrintSpace");
        x.writeAttribute("HPOS", "0");
        x.writeAttribute("VPOS", "0");
        x.writeAttribute("WIDTH", Integer.toString(p.width()));
        x.writeAttribute("HEIGHT", Integer.toString(p.height()));
        int wordNo = 0;
        for (Layout.Block b : Layout.blocks(p)) {
          x.writeCharacters("\n ");
          x.writeStartElement(NS, "TextBlock");
          x.writeAttribute("ID", "block_" + n + "_" + b.number());
          position(x, b.box());
          for (Layout.Line l : b.lines()) {
            x.writeCharacters("\n  ");
            x.writeStartElement(NS, "TextLine");
            x.writeAttribute("ID", "line_" + n + "_" + l.number());
            position(x, l.box());
            for (int i = 0; i < l.words().size(); i++) {
              PageWord w = l.words().get(i);
              if (i > 0) {
                PageBox prev = l.words().get(i - 1).box();
                x.writeEmptyElement(NS, "SP");
                x.writeAttribute("WIDTH", Integer.toString(Math.max(0, w.box().x() - prev.right())));
                x.writeAttribute("HPOS", Integer.toString(prev.right()));
                x.writeAttribute("VPOS", Integer.toString(l.box().y()));
              }
              x.writeEmptyElement(NS, "String");
              x.writeAttribute("ID", "string_" + n + "_" + (++wordNo));
              position(x, w.box());
              x.writeAttribute("WC", String.format(Locale.ROOT, "%.3f", w.confidence()));
              x.writeAttribute("CONTENT", XmlText.oneLine(w.text()));
            }
            x.writeEndElement();
          }
          x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndElement();
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw XmlWriters.failed(e);
    }
  }

  private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
    x.writeStartElement(NS, name);
    x.writeCharacters(text);
    x.writeEndElement();
  }

  private static void position(XMLStreamWriter x, PageBox b) throws XMLStreamException {
    x.writeAttribute("HPOS", Integer.toString(b.x()));
    x.writeAttribute("VPOS", Integer.toString(b.y()));
    x.writeAttribute("WIDTH", Integer.toString(b.w()));
    x.writeAttribute("HEIGHT", Integer.toString(b.h()));
  }
}
