package org.jaznet.pages;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * An axis-aligned box in page pixels: top-left corner {@code (x, y)}, width and height.
 *
 * @param x left edge, >= 0
 * @param y top edge, >= 0
 * @param w width, > 0
 * @param h height, > 0
 */
public record PageBox(int x, int y, int w, int h) {
  public PageBox {
    checkArgument(x >= 0 && y >= 0, "box corner must be >= 0, got (%s, %s)", x, y);
    checkArgument(w > 0 && h > 0, "box size must be > 0, got %sx%s", w, h);
  }

  /** The box from its corners, exclusive right and bottom. */
  public static PageBox ofCorners(int x0, int y0, int x1, int y1) {
    return new PageBox(x0, y0, x1 - x0, y1 - y0);
  }

  /** Exclusive right edge. */
  public int right() {
    return x + w;
  }

  /** Exclusive bottom edge. */
  public int bottom() {
    return y + h;
  }

  public long area() {
    return (long) w * h;
  }

  /** Area of the intersection with {@code o} (0 when they do not overlap). */
  public long intersection(PageBox o) {
    long iw = Math.min(right(), o.right()) - Math.max(x, o.x);
    long ih = Math.min(bottom(), o.bottom()) - Math.max(y, o.y);
    return iw <= 0 || ih <= 0 ? 0 : iw * ih;
  }

  /** Intersection over union, in [0, 1]. */
  public double iou(PageBox o) {
    long inter = intersection(o);
    return inter == 0 ? 0 : (double) inter / (area() + o.area() - inter);
  }

  /** The smallest box holding both. */
  public PageBox union(PageBox o) {
    return ofCorners(Math.min(x, o.x), Math.min(y, o.y), Math.max(right(), o.right()), Math.max(bottom(), o.bottom()));
  }

  /** This box clipped to a {@code width x height} page, or null when nothing of it is on the page. */
  public PageBox clip(int width, int height) {
    int x0 = Math.max(0, x);
    int y0 = Math.max(0, y);
    int x1 = Math.min(width, right());
    int y1 = Math.min(height, bottom());
    return x1 <= x0 || y1 <= y0 ? null : ofCorners(x0, y0, x1, y1);
  }
}
