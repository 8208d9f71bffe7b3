package org.jaznet.pages.write;

import java.util.ArrayList;
import java.util.List;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;

/**
 * A page's words grouped as the writers lay them out: blocks of lines of words, in the page's reading
 * order. A new block starts where a word's {@link PageWord#block()} differs from the word before it,
 * a new line where its block or {@link PageWord#line()} does; so a block or line number that comes
 * back later in reading order starts a new group rather than reordering the words. Every block and
 * line holds at least one word and its box is the union of its words' boxes.
 */
record PageLayout(List<Block> blocks) {

  record Line(PageBox box, List<PageWord> words) {}

  record Block(PageBox box, List<Line> lines) {}

  static PageLayout of(PageResult page) {
    List<Block> blocks = new ArrayList<>();
    List<Line> lines = new ArrayList<>();
    List<PageWord> words = new ArrayList<>();
    PageWord prev = null;
    for (PageWord w : page.words()) {
      if (prev != null && (w.block() != prev.block() || w.line() != prev.line())) {
        lines.add(line(words));
        words = new ArrayList<>();
        if (w.block() != prev.block()) {
          blocks.add(block(lines));
          lines = new ArrayList<>();
        }
      }
      words.add(w);
      prev = w;
    }
    if (!words.isEmpty()) {
      lines.add(line(words));
      blocks.add(block(lines));
    }
    return new PageLayout(List.copyOf(blocks));
  }

  private static Line line(List<PageWord> words) {
    PageBox box = words.get(0).box();
    for (PageWord w : words) {
      box = box.union(w.box());
    }
    return new Line(box, List.copyOf(words));
  }

  private static Block block(List<Line> lines) {
    PageBox box = lines.get(0).box();
    for (Line l : lines) {
      box = box.union(l.box());
    }
    return new Block(box, List.copyOf(lines));
  }
}
