package org.jaznet.pages.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops marks that are not parts of words, judged by size relative to the page's median character
 * height {@code ch} and by their neighbours: rule fragments ({@link #ruleLike}), marks taller than
 * {@value #BIG} characters, isolated specks (lower than 0.6 of a character with nothing within half a
 * character: a full stop or an i's dot always has its letters that close), isolated round blots (compact,
 * dense, below {@value #BLOT} characters, alone within a character) and dotted or dashed leaders
 * ({@link Leaders}). Stateless.
 */
final class MarkFilter {
  /** Marks taller than this many character heights are logos, pictures or frames, not letters. */
  static final double BIG = 5;
  /** Dense round marks below this many character heights, alone, are blots. */
  static final double BLOT = 1.3;
  /** The least share of its box a lone mark fills to be a bullet or a marked box (chosen on synthetic forms). */
  static final double BULLET_FILL = 0.6;
  /** The tallest a lone dense mark may be, in character heights, to be taken for a bullet or a marked box. */
  static final double BULLET_HEIGHT = 2.0;

  private MarkFilter() {}

  /**
   * What is left of a ruled line that {@link RuleRemover} did not take whole (broken, skewed or short
   * rules, frame sides): far flatter than a character and two wide, or far thinner and 2.2 high.
   */
  static boolean ruleLike(Blob b, double ch) {
    boolean flat = b.h() <= Math.max(3, 0.45 * ch) && b.w() >= 2 * ch;
    boolean upright = b.w() <= Math.max(3, 0.35 * ch) && b.h() >= 2.2 * ch;
    return flat || upright;
  }

  static List<Blob> clean(List<Blob> blobs, double ch) {
    Grid grid = new Grid(blobs, Math.max(4, ch));
    boolean[] drop = Leaders.find(blobs, ch);
    for (int i = 0; i < blobs.size(); i++) {
      Blob b = blobs.get(i);
      if (drop[i]) {
        continue;
      }
      if (ruleLike(b, ch) || b.h() > BIG * ch) {
        drop[i] = true;
      } else if (small(b, ch)) {
        drop[i] = grid.none(i, 0.5 * ch);
      } else if (blot(b, ch)) {
        drop[i] = grid.none(i, ch);
      }
    }
    List<Blob> out = new ArrayList<>(blobs.size());
    for (int i = 0; i < blobs.size(); i++) {
      if (!drop[i]) {
        out.add(blobs.get(i));
      }
    }
    return out;
  }

  /**
   * The page's character height: the median height of the components (at least 4 pixels high) that
   * stand beside another of like height (heights within a factor of two, overlapping by half the
   * smaller, no further apart than the taller). Letters of a word have such neighbours; scanner specks,
   * dust and the dots of a halftone do not, and on a speckled page of small print they would otherwise
   * pull the median down to their own size, so that specks pass for letters. With no such pair: the
   * median of all components at least 4 high, and 4 when there are none.
   */
  static double textHeight(List<Blob> blobs) {
    int[] all = blobs.stream().mapToInt(Blob::h).filter(v -> v >= 4).sorted().toArray();
    if (all.length == 0) {
      return 4;
    }
    Grid grid = new Grid(blobs, Math.max(4, all[all.length / 2]));
    List<Integer> paired = new ArrayList<>();
    for (int i = 0; i < blobs.size(); i++) {
      Blob b = blobs.get(i);
      if (b.h() >= 4 && grid.beside(i)) {
        paired.add(b.h());
      }
    }
    if (paired.isEmpty()) {
      return all[all.length / 2];
    }
    paired.sort(null);
    return paired.get(paired.size() / 2);
  }

  /** Punctuation-sized: a speck, a dot, a comma, a leader's dot or dash. */
  static boolean small(Blob b, double ch) {
    return b.h() <= 0.6 * ch && b.w() <= 0.9 * ch;
  }

  /**
   * A square, dense mark at most two character heights tall, standing as a word by itself: a bullet, a
   * filled or crossed checkbox, a round-cornered box, a blot. Letters that stand alone (a, I, digits) are
   * mostly narrower than 0.75 of their height or less dense; a word whose letters ran into one dense blob
   * is lost with the marks ('#', 'TO', '31%': 34 true words of the 30 synthetic forms of seed 9102, where
   * precision rose from 0.676 to 0.722).
   */
  static boolean bullet(Blob b, double ch) {
    double aspect = b.w() / (double) b.h();
    return b.h() <= BULLET_HEIGHT * ch && aspect >= 0.75 && aspect <= 1.35
        && b.fill() >= BULLET_FILL;
  }

  /** A compact, dense mark smaller than a character: a blot of toner or dirt when alone. */
  static boolean blot(Blob b, double ch) {
    double aspect = b.w() / (double) b.h();
    return b.h() < BLOT * ch && b.w() < BLOT * ch && aspect >= 0.6 && aspect <= 1.7 && b.fill() >= 0.6;
  }

  /** Blobs bucketed in square cells, for neighbour queries. */
  private static final class Grid {
    final List<Blob> blobs;
    final double cell;
    final Map<Long, List<Integer>> cells = new HashMap<>();

    Grid(List<Blob> blobs, double cell) {
      this.blobs = blobs;
      this.cell = cell;
      for (int i = 0; i < blobs.size(); i++) {
        Blob b = blobs.get(i);
        for (long cy = cellOf(b.y0()); cy <= cellOf(b.y1() - 1); cy++) {
          for (long cx = cellOf(b.x0()); cx <= cellOf(b.x1() - 1); cx++) {
            cells.computeIfAbsent(cy << 32 | (cx & 0xFFFFFFFFL), k -> new ArrayList<>()).add(i);
          }
        }
      }
    }

    private long cellOf(double v) {
      return (long) Math.floor(v / cell);
    }

    /** Indices of blobs whose boxes may lie within {@code d} of {@code b} (may repeat, includes b). */
    List<Integer> near(Blob b, double d) {
      List<Integer> out = new ArrayList<>();
      for (long cy = cellOf(b.y0() - d); cy <= cellOf(b.y1() + d); cy++) {
        for (long cx = cellOf(b.x0() - d); cx <= cellOf(b.x1() + d); cx++) {
          List<Integer> l = cells.get(cy << 32 | (cx & 0xFFFFFFFFL));
          if (l != null) {
            out.addAll(l);
          }
        }
      }
      return out;
    }

    /** Whether another blob of like height stands beside blob {@code i} on its line (see textHeight). */
    boolean beside(int i) {
      Blob b = blobs.get(i);
      for (int j : near(b, b.h())) {
        if (j == i) {
          continue;
        }
        Blob o = blobs.get(j);
        int lo = Math.min(b.h(), o.h());
        int hi = Math.max(b.h(), o.h());
        int dx = Math.max(0, Math.max(o.x0() - b.x1(), b.x0() - o.x1()));
        if (hi <= 2 * lo && b.yOverlap(o) * 2 >= lo && dx <= hi) {
          return true;
        }
      }
      return false;
    }

    /** Whether no other blob's box comes within {@code d} of blob {@code i}'s. */
    boolean none(int i, double d) {
      Blob b = blobs.get(i);
      for (int j : near(b, d)) {
        if (j == i) {
          continue;
        }
        Blob o = blobs.get(j);
        double dx = Math.max(0, Math.max(o.x0() - b.x1(), b.x0() - o.x1()));
        double dy = Math.max(0, Math.max(o.y0() - b.y1(), b.y0() - o.y1()));
        if (dx <= d && dy <= d) {
          return false;
        }
      }
      return true;
    }
  }
}
