package org.jaznet.pages.write;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;

/**
 * The JSON output contract, UTF-8:
 *
 * <pre>{@code
 * {"source": str, "pages": [{"page": int, "width": int, "height": int,
 *   "words": [{"box": [x, y, w, h], "text": str, "confidence": float, "line": int, "block": int}]}]}
 * }</pre>
 *
 * <p>Confidence is rounded to 4 decimals. JSON can escape any character except an unpaired
 * surrogate, which no UTF encoding can carry: those are dropped from texts and the source.
 */
final class JsonPageWriter implements PageWriter {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  @Override
  public PageFormat format() {
    return PageFormat.JSON;
  }

  @Override
  public void write(DocumentResult doc, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("source", XmlChars.stripLoneSurrogates(doc.source()));
      g.writeArrayFieldStart("pages");
      for (PageResult p : doc.pages()) {
        g.writeStartObject();
        g.writeNumberField("page", p.page());
        g.writeNumberField("width", p.width());
        g.writeNumberField("height", p.height());
        g.writeArrayFieldStart("words");
        for (PageWord w : p.words()) {
          g.writeStartObject();
          PageBox b = w.box();
          g.writeArrayFieldStart("box");
          g.writeNumber(b.x());
          g.writeNumber(b.y());
          g.writeNumber(b.w());
          g.writeNumber(b.h());
          g.writeEndArray();
          g.writeStringField("text", XmlChars.stripLoneSurrogates(w.text()));
          g.writeNumberField("confidence", round4(w.confidence()));
          g.writeNumberField("line", w.line());
          g.writeNumberField("block", w.block());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.flush();
  }

  static double round4(double c) {
    return Math.round(c * 10_000) / 10_000.0;
  }
}
