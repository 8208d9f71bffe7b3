package org.jaznet.synth;

/**
 * Where one character lies in an output image: the quadrilateral its glyph box maps to after every
 * geometric stage, corners in order top-left, top-right, bottom-right, bottom-left.
 */
public record CharBox(char ch, float x0, float y0, float x1, float y1, float x2, float y2, float x3, float y3) {
  /** Axis-aligned bounds {minX, minY, maxX, maxY}. */
  public float[] bounds() {
    return new float[] {
      Math.min(Math.min(x0, x1), Math.min(x2, x3)), Math.min(Math.min(y0, y1), Math.min(y2, y3)),
      Math.max(Math.max(x0, x1), Math.max(x2, x3)), Math.max(Math.max(y0, y1), Math.max(y2, y3))
    };
  }
}
