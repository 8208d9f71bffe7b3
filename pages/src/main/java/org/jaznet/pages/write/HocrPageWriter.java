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
 * hOCR 1.2 (XHTML): per page an {@code ocr_page} with its image and bbox, per block an
 * {@code ocr_carea} holding one {@code ocr_par}, per line an {@code ocr_line}, per word an
 * {@code ocrx_word} with {@code bbox x0 y0 x1 y1; x_wconf C} (C the confidence in per cent).
 */
final class HocrPageWriter implements PageWriter {
  private static final String XHTML = "http://www.w3.org/1999/xhtml";

  @Override
  public void write(DocumentResult doc, OutputStream out) throws IOException {
    XMLStreamWriter x = XmlWriters.open(out);
    try {
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeDTD("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
          + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">");
      x.writeCharacters("\n");
      x.writeStartElement("html");
      x.writeDefaultNamespace(XHTML);
      x.writeAttribute("xml:lang", "en");
      x.writeStartElement("head");
      x.writeStartElement("title");
      x.writeCharacters(XmlText.oneLine(doc.source()));
      x.writeEndElement();
      meta(x, "Content-Type", null, "text/html;charset=utf-8");
      meta(x, null, "ocr-system", "jaznet");
      meta(x, null, "ocr-capabilities", "ocr_page ocr_carea ocr_par ocr_line ocrx_word ocrp_wconf");
      x.writeEndElement();
      x.writeStartElement("body");
      String image = XmlText.oneLine(doc.source()).replace("\"", "\\\"");
      for (PageResult p : doc.pages()) {
        int n = p.page();
        x.writeCharacters("\n");
        x.writeStartElement("div");
        x.writeAttribute("class", "ocr_page");
        x.writeAttribute("id", "page_" + n);
        x.writeAttribute("title", "image \"" + image + "\"; bbox 0 0 " + p.width() + " " + p.height() + "; ppageno " + (n - 1));
        int wordNo = 0;
        for (Layout.Block b : Layout.blocks(p)) {
          x.writeCharacters("\n ");
          x.writeStartElement("div");
          x.writeAttribute("class", "ocr_carea");
          x.writeAttribute("id", "block_" + n + "_" + b.number());
          x.writeAttribute("title", bbox(b.box()));
          x.writeStartElement("p");
          x.writeAttribute("class", "ocr_par");
          x.writeAttribute("id", "par_" + n + "_" + b.number());
          x.writeAttribute("title", bbox(b.box()));
          for (Layout.Line l : b.lines()) {
            x.writeCharacters("\n  ");
            x.writeStartElement("span");
            x.writeAttribute("class", "ocr_line");
            x.writeAttribute("id", "line_" + n + "_" + l.number());
            x.writeAttribute("title", bbox(l.box()));
            for (int i = 0; i < l.words().size(); i++) {
              PageWord w = l.words().get(i);
              if (i > 0) {
                x.writeCharacters(" ");
              }
              x.writeStartElement("span");
              x.writeAttribute("class", "ocrx_word");
              x.writeAttribute("id", "word_" + n + "_" + (++wordNo));
              x.writeAttribute("title", bbox(w.box()) + "; x_wconf " + Math.round(w.confidence() * 100));
              x.writeCharacters(XmlText.oneLine(w.text()));
              x.writeEndElement();
            }
            x.writeEndElement();
          }
          x.writeEndElement();
          x.writeEndElement();
        }
        x.writeCharacters("\n");
        x.writeEndElement();
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw XmlWriters.failed(e);
    }
  }

  private static void meta(XMLStreamWriter x, String httpEquiv, String name, String content) throws XMLStreamException {
    x.writeEmptyElement("meta");
    if (httpEquiv != null) {
      x.writeAttribute("http-equiv", httpEquiv);
    }
    if (name != null) {
      x.writeAttribute("name", name);
    }
    x.writeAttribute("content", content);
  }

  private static String bbox(PageBox b) {
    return String.format(Locale.ROOT, "bbox %d %d %d %d", b.x(), b.y(), b.right(), b.bottom());
  }
}
