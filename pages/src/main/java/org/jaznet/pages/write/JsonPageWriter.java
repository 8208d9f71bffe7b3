package org.jaznet.pages.write;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;

/**
 * {@code {"source", "pages": [{"page", "width", "height", "words": [{"box": [x, y, w, h], "text",
 * "confidence", "line", "block"}]}]}}, in page pixels; confidence rounded to 4 decimals.
 */
final class JsonPageWriter implements PageWriter {
  private static final JsonFactory JSON = new JsonFactory();

  @Override
  public void write(DocumentResult doc, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.writeStartObject();
      g.writeStringField("source", doc.source());
      g.writeArrayFieldStart("pages");
      for (PageResult p : doc.pages()) {
        g.writeStartObject();
        g.writeNumberField("page", p.page());
        g.writeNumberField("width", p.width());
        g.writeNumberField("height", p.height());
        g.writeArrayFieldStart("words");
        for (PageWord w : p.words()) {
          g.writeStartObject();
          g.writeArrayFieldStart("box");
          g.writeNumber(w.box().x());
          g.writeNumber(w.box().y());
          g.writeNumber(w.box().w());
          g.writeNumber(w.box().h());
          g.writeEndArray();
          g.writeStringField("text", w.text());
          g.writeNumberField("confidence", Math.round(w.confidence() * 1e4) / 1e4);
          g.writeNumberField("line", w.line());
          g.writeNumberField("block", w.block());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }
}
