package org.jaznet.pages.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Checkboxes and small frames of forms: a component whose bounding box is nearly square, whose four
 * sides are each nearly all ink and whose inside is not solid (a tick or a heavy cross may fill most of
 * it). No letter has four straight full sides (O, D and 0 are round on at least two). Such a box, and
 * any component inside it (a tick, a cross, a filled mark), is not a word.
 */
final class Checkboxes {
  /** Share of a side's pixels that must be ink. */
  static final double SIDE_COVER = 0.8;
  /**
   * The largest share of the inside (the box less a quarter of its side all round) that may be ink: a cross
   * drawn with a heavy pen fills 0.6 of a small box's inside; solid marks are bullets ({@link MarkFilter#bullet}).
   */
  static final double INSIDE_FILL = 0.8;

  private Checkboxes() {}

  /** Whether {@code b}'s shape allows a checkbox: near square, at least 7 pixels a side, not solid. */
  static boolean candidate(Blob b) {
    double aspect = b.w() / (double) b.h();
    return b.w() >= 7 && b.h() >= 7 && aspect >= 0.7 && aspect <= 1.45 && b.fill() < 0.9;
  }

  /** Whether label {@code id} of {@code lab} (row-major, {@code w} wide) draws the four sides of {@code b}. */
  static boolean isBox(int[] lab, int w, int id, Blob b) {
    // a box is ink in its four corners (a window of 12 % of its side, for blur and skew); round letters are not
    int side = Math.min(b.w(), b.h());
    int k = Math.max(1, (int) Math.round(0.12 * side));
    if (!corner(lab, w, id, b.x0(), b.y0(), k) || !corner(lab, w, id, b.x1() - k, b.y0(), k)
        || !corner(lab, w, id, b.x0(), b.y1() - k, k) || !corner(lab, w, id, b.x1() - k, b.y1() - k, k)) {
      return false;
    }
    // each side is straight: nearly all of it within a band 8 % of the side deep
    int depth = Math.max(1, (int) Math.round(0.08 * side));
    int top = 0;
    int bottom = 0;
    int left = 0;
    int right = 0;
    for (int x = b.x0(); x < b.x1(); x++) {
      top += inBand(lab, w, id, x, b.y0(), 0, 1, depth) ? 1 : 0;
      bottom += inBand(lab, w, id, x, b.y1() - 1, 0, -1, depth) ? 1 : 0;
    }
    for (int y = b.y0(); y < b.y1(); y++) {
      left += inBand(lab, w, id, b.x0(), y, 1, 0, depth) ? 1 : 0;
      right += inBand(lab, w, id, b.x1() - 1, y, -1, 0, depth) ? 1 : 0;
    }
    if (top < SIDE_COVER * b.w() || bottom < SIDE_COVER * b.w() || left < SIDE_COVER * b.h()
        || right < SIDE_COVER * b.h()) {
      return false;
    }
    int inside = 0;
    int area = 0;
    int inset = Math.max(3, (int) Math.round(0.25 * Math.min(b.w(), b.h())));
    for (int y = b.y0() + inset; y < b.y1() - inset; y++) {
      for (int x = b.x0() + inset; x < b.x1() - inset; x++) {
        area++;
        inside += lab[y * w + x] == id ? 1 : 0;
      }
    }
    return area == 0 || inside <= INSIDE_FILL * area;
  }

  private static boolean corner(int[] lab, int w, int id, int x0, int y0, int k) {
    for (int y = y0; y < y0 + k; y++) {
      for (int x = x0; x < x0 + k; x++) {
        if (lab[y * w + x] == id) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether one of the {@code depth} pixels from (x, y) inwards along (dx, dy) belongs to {@code id}. */
  private static boolean inBand(int[] lab, int w, int id, int x, int y, int dx, int dy, int depth) {
    for (int k = 0; k < depth; k++) {
      if (lab[(y + k * dy) * w + x + k * dx] == id) {
        return true;
      }
    }
    return false;
  }

  /** A box is kept as a marker (zero ink) until {@link #withoutBoxes} has removed what lies inside it. */
  static Blob marker(Blob b) {
    return new Blob(b.x0(), b.y0(), b.x1(), b.y1(), 0);
  }

  /** {@code blobs} without the box markers and the components inside a box. */
  static List<Blob> withoutBoxes(List<Blob> blobs) {
    List<Blob> boxes = new ArrayList<>();
    for (Blob b : blobs) {
      if (b.ink() == 0) {
        boxes.add(b);
      }
    }
    if (boxes.isEmpty()) {
      return blobs;
    }
    List<Blob> out = new ArrayList<>(blobs.size());
    for (Blob b : blobs) {
      if (b.ink() == 0) {
        continue;
      }
      boolean inside = false;
      for (Blob box : boxes) {
        if (b.x0() >= box.x0() && b.x1() <= box.x1() && b.y0() >= box.y0() && b.y1() <= box.y1()) {
          inside = true;
          break;
        }
      }
      if (!inside) {
        out.add(b);
      }
    }
    return out;
  }
}
