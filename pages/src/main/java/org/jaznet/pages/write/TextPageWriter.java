package org.jaznet.pages.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;

/** Plain text: a line's words joined by a space, a blank line between blocks, a form feed between pages. */
final class TextPageWriter implements PageWriter {
  @Override
  public void write(DocumentResult doc, OutputStream out) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < doc.pages().size(); i++) {
      if (i > 0) {
        sb.append('\f');
      }
      PageResult p = doc.pages().get(i);
      int line = -1;
      int block = -1;
      for (PageWord w : p.words()) {
        if (w.block() != block && block != -1) {
          sb.append("\n\n");
        } else if (w.line() != line && line != -1) {
          sb.append('\n');
        } else if (line != -1) {
          sb.append(' ');
        }
        sb.append(w.text().replace('\n', ' ').replace('\f', ' '));
        line = w.line();
        block = w.block();
      }
      if (!p.words().isEmpty()) {
        sb.append('\n');
      }
    }
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
  }
}
