package org.jaznet.pages.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Reading order of a page's line segments: segments stacked closely and overlapping sideways form a
 * block (a paragraph or a column's run of lines); blocks are ordered by recursive X-Y cuts, first into
 * bands across the page where a horizontal white gap runs through every block, then into columns where a
 * vertical one does, so that a heading over two columns comes first and each column is read top to bottom
 * before the next. Stateless.
 */
final class ReadingOrder {
  /** A block of line segments, top to bottom. */
  static final class Block {
    final List<LineGrouper.Segment> lines = new ArrayList<>();
    Blob bounds;
    double charHeight;

    void add(LineGrouper.Segment s) {
      lines.add(s);
      bounds = bounds == null ? s.bounds : bounds.union(s.bounds);
      charHeight = charHeight == 0 ? s.charHeight() : Math.max(charHeight, s.charHeight());
    }
  }

  private ReadingOrder() {}

  /** The blocks of {@code segments}, in reading order, each with its lines in order. */
  static List<Block> order(List<LineGrouper.Segment> segments) {
    List<LineGrouper.Segment> byY = new ArrayList<>(segments);
    byY.sort(Comparator.comparingInt((LineGrouper.Segment s) -> s.bounds.y0()));
    List<Block> blocks = new ArrayList<>();
    for (LineGrouper.Segment s : byY) {
      double h = s.charHeight();
      Block home = null;
      for (Block b : blocks) {
        LineGrouper.Segment last = b.lines.get(b.lines.size() - 1);
        double gap = s.bounds.y0() - last.bounds.y1();
        int overlap = b.bounds.xOverlap(s.bounds);
        double ratio = Math.max(h, b.charHeight) / Math.max(1, Math.min(h, b.charHeight));
        if (gap <= 1.3 * h && gap >= -0.4 * h && overlap > 0.3 * Math.min(b.bounds.w(), s.bounds.w()) && ratio < 1.7) {
          home = b;
          break;
        }
      }
      if (home == null) {
        home = new Block();
        blocks.add(home);
      }
      home.add(s);
    }
    for (Block b : blocks) {
      b.lines.sort(Comparator.comparingDouble((LineGrouper.Segment s) -> s.bounds.cy()).thenComparingInt(s -> s.bounds.x0()));
    }
    List<Block> out = new ArrayList<>();
    cut(blocks, true, out);
    return out;
  }

  private static void cut(List<Block> blocks, boolean horizontalFirst, List<Block> out) {
    if (blocks.size() <= 1) {
      out.addAll(blocks);
      return;
    }
    List<List<Block>> parts = split(blocks, horizontalFirst);
    if (parts.size() == 1) {
      parts = split(blocks, !horizontalFirst);
      if (parts.size() == 1) {
        List<Block> rest = new ArrayList<>(blocks);
        rest.sort(Comparator.comparingInt((Block b) -> b.bounds.y0()).thenComparingInt(b -> b.bounds.x0()));
        out.addAll(rest);
        return;
      }
      horizontalFirst = !horizontalFirst;
    }
    for (List<Block> p : parts) {
      cut(p, !horizontalFirst, out);
    }
  }

  /** Splits at every white gap across all blocks: horizontal gaps (bands) or vertical ones (columns). */
  private static List<List<Block>> split(List<Block> blocks, boolean horizontal) {
    ToIntFunction<Block> lo = horizontal ? b -> b.bounds.y0() : b -> b.bounds.x0();
    Function<Block, Integer> hi = horizontal ? b -> b.bounds.y1() : b -> b.bounds.x1();
    List<Block> sorted = new ArrayList<>(blocks);
    sorted.sort(Comparator.comparingInt(lo));
    List<List<Block>> parts = new ArrayList<>();
    List<Block> cur = new ArrayList<>();
    int reach = Integer.MIN_VALUE;
    for (Block b : sorted) {
      if (!cur.isEmpty() && lo.applyAsInt(b) >= reach) {
        parts.add(cur);
        cur = new ArrayList<>();
      }
      cur.add(b);
      reach = Math.max(reach, hi.apply(b));
    }
    parts.add(cur);
    return parts;
  }
}
