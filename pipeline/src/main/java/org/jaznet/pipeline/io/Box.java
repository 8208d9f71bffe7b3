package org.jaznet.pipeline.io;

import java.io.Serializable;

/** An axis-aligned word box in image pixels: top-left corner (x, y), width and height. */
public record Box(int x, int y, int w, int h) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Box {
    if (x < 0 || y < 0) {
      throw new IllegalArgumentException("box corner must be >= 0, got " + x + "," + y);
    }
    if (w <= 0 || h <= 0) {
      throw new IllegalArgumentException("box size must be > 0, got " + w + "x" + h);
    }
  }

  /** Whether the box lies fully inside a {@code width} x {@code height} image. */
  public boolean fitsIn(int width, int height) {
    return (long) x + w <= width && (long) y + h <= height;
  }

  /** {@code x,y,w,h}, the form used in a source string after {@code #}. */
  @Override
  public String toString() {
    return x + "," + y + "," + w + "," + h;
  }
}
