package org.jaznet.pages.write;

import java.util.ArrayList;
import java.util.List;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;

/** A page's words regrouped into its blocks and lines (the words are in reading order already). */
final class Layout {
  record Line(int number, List<PageWord> words, PageBox box) {}

  record Block(int number, List<Line> lines, PageBox box) {}

  private Layout() {}

  static List<Block> blocks(PageResult page) {
    List<Block> blocks = new ArrayList<>();
    List<Line> lines = new ArrayList<>();
    List<PageWord> words = new ArrayList<>();
    int block = -1;
    int line = -1;
    for (PageWord w : page.words()) {
      if (w.line() != line || w.block() != block) {
        if (!words.isEmpty()) {
          lines.add(new Line(line, words, union(words)));
          words = new ArrayList<>();
        }
        line = w.line();
      }
      if (w.block() != block) {
        if (!lines.isEmpty()) {
          blocks.add(new Block(block, lines, unionLines(lines)));
          lines = new ArrayList<>();
        }
        block = w.block();
      }
      words.add(w);
    }
    if (!words.isEmpty()) {
      lines.add(new Line(line, words, union(words)));
    }
    if (!lines.isEmpty()) {
      blocks.add(new Block(block, lines, unionLines(lines)));
    }
    return blocks;
  }

  private static PageBox union(List<PageWord> words) {
    PageBox b = words.get(0).box();
    for (PageWord w : words) {
      b = b.union(w.box());
    }
    return b;
  }

  private static PageBox unionLines(List<Line> lines) {
    PageBox b = lines.get(0).box();
    for (Line l : lines) {
      b = b.union(l.box());
    }
    return b;
  }
}
