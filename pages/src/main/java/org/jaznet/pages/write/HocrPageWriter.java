package org.jaznet.pages.write;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLStreamException;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;

/**
 * hOCR 1.2 as XHTML, UTF-8. The head names {@code ocr-system} jaznet and the capabilities
 * {@code ocr_page ocr_carea ocr_par ocr_line ocrx_word}; each page is a
 * {@code div.ocr_page} ({@code id page_N}, {@code title 'image "<source>"; bbox 0 0 W H; ppageno N-1'}),
 * each block a {@code div.ocr_carea} holding one {@code p.ocr_par}, each line a {@code span.ocr_line}
 * and each word a {@code span.ocrx_word} with {@code title 'bbox x0 y0 x1 y1; x_wconf C'}, C =
 * round(confidence * 100). Boxes are {@code x0 y0} inclusive and {@code x1 y1} exclusive (the page is
 * {@code bbox 0 0 W H}); a line's and block's box is the union of its words'. Ids are
 * {@code block_N_i}, {@code par_N_i}, {@code line_N_i}, {@code word_N_i}, counted per page.
 *
 * <p>Texts are XML-escaped by the StAX writer, with XML-illegal characters removed
 * ({@link XmlChars}). In the image name a {@code "} or {@code \} is escaped with {@code \}.
 * The doctype is {@code <!DOCTYPE html>}, which no reader needs to fetch.
 */
final class HocrPageWriter implements PageWriter {
  static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
  static final String CAPABILITIES = "ocr_page ocr_carea ocr_par ocr_line ocrx_word";

  @Override
  public PageFormat format() {
    return PageFormat.HOCR;
  }

  @Override
  public void write(DocumentResult doc, OutputStream out) throws IOException {
    try {
      XmlOut x = new XmlOut(out);
      x.startDocument();
      x.dtd("<!DOCTYPE html>");
      x.start("html");
      x.raw().writeDefaultNamespace(XHTML_NS);
      x.attr("xml:lang", "en");
      x.attr("lang", "en");
      x.start("head");
      x.start("title");
      x.text(doc.source());
      x.end();
      meta(x, "http-equiv", "Content-Type", "text/html; charset=utf-8");
      meta(x, "name", "ocr-system", "jaznet");
      meta(x, "name", "ocr-capabilities", CAPABILITIES);
      x.end();
      x.start("body");
      String image = imageName(doc.source());
      for (PageResult p : doc.pages()) {
        writePage(x, p, image);
      }
      x.end();
      x.end();
      x.endDocument();
    } catch (XMLStreamException e) {
      throw XmlOut.io(e);
    }
    out.flush();
  }

  private static void meta(XmlOut x, String key, String keyValue, String content) throws XMLStreamException {
    x.empty("meta");
    x.attr(key, keyValue);
    x.attr("content", content);
  }

  private static void writePage(XmlOut x, PageResult p, String image) throws XMLStreamException {
    int n = p.page();
    x.start("div");
    x.attr("class", "ocr_page");
    x.attr("id", "page_" + n);
    x.attr("title", "image \"" + image + "\"; bbox 0 0 " + p.width() + " " + p.height() + "; ppageno " + (n - 1));
    int b = 0;
    int l = 0;
    int wd = 0;
    for (PageLayout.Block block : PageLayout.of(p).blocks()) {
      b++;
      x.start("div");
      x.attr("class", "ocr_carea");
      x.attr("id", "block_" + n + "_" + b);
      x.attr("title", bbox(block.box()));
      x.start("p");
      x.attr("class", "ocr_par");
      x.attr("id", "par_" + n + "_" + b);
      x.attr("title", bbox(block.box()));
      for (PageLayout.Line line : block.lines()) {
        l++;
        x.start("span");
        x.attr("class", "ocr_line");
        x.attr("id", "line_" + n + "_" + l);
        x.attr("title", bbox(line.box()));
        for (PageWord w : line.words()) {
          wd++;
          x.start("span");
          x.attr("class", "ocrx_word");
          x.attr("id", "word_" + n + "_" + wd);
          x.attr("title", bbox(w.box()) + "; x_wconf " + Math.round(w.confidence() * 100));
          x.text(w.text());
          x.end();
        }
        x.end();
      }
      x.end();
      x.end();
    }
    x.end();
  }

  /** {@code bbox x0 y0 x1 y1}. */
  static String bbox(PageBox b) {
    return "bbox " + b.x() + " " + b.y() + " " + b.right() + " " + b.bottom();
  }

  /** The source as an hOCR quoted-string body: XML-clean, one line, {@code "} and {@code \} escaped. */
  static String imageName(String source) {
    return XmlChars.cleanAttribute(source).replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
