package org.jaznet.pages.detect;

import java.util.List;
import org.jaznet.pages.PageBox;

/**
 * A connected component's bounds, exclusive right and bottom, and its number of ink pixels; also used
 * for groups of components (whose ink is the sum of their parts').
 */
record Blob(int x0, int y0, int x1, int y1, int ink) {
  /** A box whose ink is unknown: taken as full. */
  Blob(int x0, int y0, int x1, int y1) {
    this(x0, y0, x1, y1, (x1 - x0) * (y1 - y0));
  }

  /** Share of the box that is ink. */
  double fill() {
    return ink / (double) Math.max(1, w() * h());
  }

  int w() {
    return x1 - x0;
  }

  int h() {
    return y1 - y0;
  }

  double cy() {
    return (y0 + y1) / 2.0;
  }

  Blob union(Blob o) {
    return new Blob(Math.min(x0, o.x0), Math.min(y0, o.y0), Math.max(x1, o.x1), Math.max(y1, o.y1), ink + o.ink);
  }

  /** Length of the vertical overlap with {@code o} (negative when apart). */
  int yOverlap(Blob o) {
    return Math.min(y1, o.y1) - Math.max(y0, o.y0);
  }

  /** Length of the horizontal overlap with {@code o} (negative when apart). */
  int xOverlap(Blob o) {
    return Math.min(x1, o.x1) - Math.max(x0, o.x0);
  }

  PageBox box() {
    return PageBox.ofCorners(x0, y0, x1, y1);
  }

  static Blob union(List<Blob> blobs) {
    Blob u = blobs.get(0);
    for (int i = 1; i < blobs.size(); i++) {
      u = u.union(blobs.get(i));
    }
    return u;
  }
}
