package org.jaznet.pages.detect;

import java.util.List;
import org.jaznet.pages.PageBox;

/** A connected component's bounds, exclusive right and bottom; also used for groups of components. */
record Blob(int x0, int y0, int x1, int y1) {
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
    return new Blob(Math.min(x0, o.x0), Math.min(y0, o.y0), Math.max(x1, o.x1), Math.max(y1, o.y1));
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
    for (Blob b : blobs) {
      u = u.union(b);
    }
    return u;
  }
}
