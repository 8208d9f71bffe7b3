package org.jaznet.pages.write;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;

/**
 * Plain text, UTF-8: the words of a line joined by one space, each line ended by {@code \n}, a blank
 * line between blocks, and a form feed {@code \f} between pages (none after the last). A page without
 * words is empty. Line breaks inside a word ({@code \n \r \f}, VT, NEL, U+2028, U+2029) become spaces
 * so that a word cannot break the layout; unpaired surrogates are dropped.
 */
final class TextPageWriter implements PageWriter {

  @Override
  public PageFormat format() {
    return PageFormat.TEXT;
  }

  @Override
  public void write(DocumentResult doc, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    List<PageResult> pages = doc.pages();
    for (int i = 0; i < pages.size(); i++) {
      if (i > 0) {
        w.write('\f');
      }
      writePage(PageLayout.of(pages.get(i)), w);
    }
    w.flush();
  }

  private static void writePage(PageLayout layout, Writer w) throws IOException {
    boolean firstBlock = true;
    for (PageLayout.Block block : layout.blocks()) {
      if (!firstBlock) {
        w.write('\n');
      }
      firstBlock = false;
      for (PageLayout.Line line : block.lines()) {
        boolean firstWord = true;
        for (PageWord word : line.words()) {
          if (!firstWord) {
            w.write(' ');
          }
          firstWord = false;
          w.write(oneLine(word.text()));
        }
        w.write('\n');
      }
    }
  }

  /** {@code text} without unpaired surrogates and with its line breaks as spaces. */
  static String oneLine(String text) {
    String s = XmlChars.stripLoneSurrogates(text);
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean brk = c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u0085'
          || c == '\u2028' || c == '\u2029';
      if (brk && b == null) {
        b = new StringBuilder(s);
      }
      if (brk) {
        b.setCharAt(i, ' ');
      }
    }
    return b == null ? s : b.toString();
  }
}
