package org.jaznet.pages.write;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;

/**
 * ALTO v4 ({@value #NS}, written to the 4.2 schema), UTF-8:
 *
 * <pre>
 * alto[SCHEMAVERSION=4.2]
 *   Description: MeasurementUnit pixel, sourceImageInformation/fileName (the source),
 *                OCRProcessing[ID=OCR_0]/ocrProcessingStep/processingSoftware/softwareName jaznet
 *   Layout
 *     Page[ID=P{n}, PHYSICAL_IMG_NR=n, WIDTH, HEIGHT]
 *       PrintSpace[HPOS=0, VPOS=0, WIDTH, HEIGHT]              (also on a page without words)
 *         TextBlock[ID=P{n}_TB{i}, HPOS, VPOS, WIDTH, HEIGHT]
 *           TextLine[ID=P{n}_TL{j}, HPOS, VPOS, WIDTH, HEIGHT]
 *             String[ID=P{n}_S{k}, HPOS, VPOS, WIDTH, HEIGHT, WC, CONTENT] SP String ...
 * </pre>
 *
 * <p>The element order and required attributes are those of the schema: a Page needs ID and
 * PHYSICAL_IMG_NR, a TextBlock ID, a String CONTENT; a TextLine holds at least one String, an SP
 * comes only between two Strings. Ids are XML ids, unique in the file as long as page numbers are.
 * WC is the confidence rounded to 4 decimals, in [0, 1]. A block's and line's box is the union of its
 * words'. An SP carries HPOS and WIDTH of the gap when the next word starts right of this one.
 *
 * <p>CONTENT and fileName are cleaned of XML-illegal characters ({@link XmlChars}); CONTENT, an
 * attribute, also has tab, newline and carriage return as spaces (what a reader would see).
 *
 * <p>The schema needs at least one Page in Layout, so a document without pages has no valid ALTO:
 * {@link #write} refuses it with an {@link IllegalArgumentException} rather than write a file that
 * every validating reader rejects (the readers never hand a writer such a document).
 */
final class AltoPageWriter implements PageWriter {
  static final String NS = "http://www.loc.gov/standards/alto/ns-v4#";
  static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
  static final String SCHEMA_LOCATION = NS + " http://www.loc.gov/standards/alto/v4/alto-4-2.xsd";

  @Override
  public PageFormat format() {
    return PageFormat.ALTO;
  }

  @Override
  public void write(DocumentResult doc, OutputStream out) throws IOException {
    if (doc.pages().isEmpty()) {
      throw new IllegalArgumentException("ALTO needs at least one Page; " + doc.source() + " has no pages");
    }
    try {
      XmlOut x = new XmlOut(out);
      x.startDocument();
      x.start("alto");
      x.raw().writeDefaultNamespace(NS);
      x.raw().writeNamespace("xsi", XSI_NS);
      x.raw().writeAttribute("xsi", XSI_NS, "schemaLocation", SCHEMA_LOCATION);
      x.attr("SCHEMAVERSION", "4.2");
      x.start("Description");
      x.start("MeasurementUnit");
      x.text("pixel");
      x.end();
      x.start("sourceImageInformation");
      x.start("fileName");
      x.text(doc.source());
      x.end();
      x.end();
      x.start("OCRProcessing");
      x.attr("ID", "OCR_0");
      x.start("ocrProcessingStep");
      x.start("processingSoftware");
      x.start("softwareName");
      x.text("jaznet");
      x.end();
      x.end();
      x.end();
      x.end();
      x.end();
      x.start("Layout");
      for (PageResult p : doc.pages()) {
        writePage(x, p);
      }
      x.end();
      x.end();
      x.endDocument();
    } catch (XMLStreamException e) {
      throw XmlOut.io(e);
    }
    out.flush();
  }

  private static void writePage(XmlOut x, PageResult p) throws XMLStreamException {
    String id = "P" + p.page();
    x.start("Page");
    x.attr("ID", id);
    x.attr("PHYSICAL_IMG_NR", p.page());
    x.attr("WIDTH", p.width());
    x.attr("HEIGHT", p.height());
    x.start("PrintSpace");
    x.attr("HPOS", 0);
    x.attr("VPOS", 0);
    x.attr("WIDTH", p.width());
    x.attr("HEIGHT", p.height());
    int b = 0;
    int l = 0;
    int s = 0;
    for (PageLayout.Block block : PageLayout.of(p).blocks()) {
      x.start("TextBlock");
      x.attr("ID", id + "_TB" + ++b);
      box(x, block.box());
      for (PageLayout.Line line : block.lines()) {
        x.start("TextLine");
        x.attr("ID", id + "_TL" + ++l);
        box(x, line.box());
        List<PageWord> words = line.words();
        for (int i = 0; i < words.size(); i++) {
          PageWord w = words.get(i);
          if (i > 0) {
            space(x, words.get(i - 1).box(), w.box());
          }
          x.empty("String");
          x.attr("ID", id + "_S" + ++s);
          box(x, w.box());
          x.attr("WC", wc(w.confidence()));
          x.attr("CONTENT", w.text());
        }
        x.end();
      }
      x.end();
    }
    x.end();
    x.end();
  }

  private static void box(XmlOut x, PageBox b) throws XMLStreamException {
    x.attr("HPOS", b.x());
    x.attr("VPOS", b.y());
    x.attr("WIDTH", b.w());
    x.attr("HEIGHT", b.h());
  }

  private static void space(XmlOut x, PageBox before, PageBox after) throws XMLStreamException {
    x.empty("SP");
    int gap = after.x() - before.right();
    if (gap > 0) {
      x.attr("HPOS", before.right());
      x.attr("VPOS", Math.min(before.y(), after.y()));
      x.attr("WIDTH", gap);
    }
  }

  /** The confidence rounded to 4 decimals, plain ({@code 0.9}, {@code 0.0001}, {@code 1}). */
  static String wc(double confidence) {
    return BigDecimal.valueOf(confidence).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
