package org.jaznet.synth.stage;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * One glyph's antialiased coverage, rendered once by Java2D and then copied (by maximum, so touching
 * glyphs merge) wherever it is needed. {@code (dx, dy)} is the bitmap's top-left relative to the pen
 * position on the baseline. Immutable.
 */
public final class GlyphBitmap {
  private final int dx;
  private final int dy;
  private final int w;
  private final int h;
  private final byte[] alpha;

  private GlyphBitmap(int dx, int dy, int w, int h, byte[] alpha) {
    this.dx = dx;
    this.dy = dy;
    this.w = w;
    this.h = h;
    this.alpha = alpha;
  }

  /**
   * Renders {@code ch} in {@code font} (pen at an integer position) on {@code scratch} (a square grey
   * image reused by the calling thread, at least {@link #scratchSide} wide) and keeps its ink bounds.
   */
  static GlyphBitmap render(Font font, char ch, BufferedImage scratch) {
    int size = Math.max(1, Math.round(font.getSize2D()));
    int pad = 2 * size;
    int side = scratchSide(size);
    if (scratch.getWidth() < side || scratch.getHeight() < side) {
      throw new IllegalArgumentException("scratch image too small for size " + size);
    }
    BufferedImage img = scratch;
    byte[] all = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    java.util.Arrays.fill(all, (byte) 0);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setColor(Color.WHITE);
    g.setFont(font);
    g.drawString(String.valueOf(ch), pad, pad);
    g.dispose();
    int stride = img.getWidth();
    byte[] px = all;
    int minX = side;
    int minY = side;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        if (px[y * stride + x] != 0) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (maxX < 0) {
      return new GlyphBitmap(0, 0, 0, 0, new byte[0]);
    }
    int w = maxX - minX + 1;
    int h = maxY - minY + 1;
    byte[] a = new byte[w * h];
    for (int y = 0; y < h; y++) {
      System.arraycopy(px, (minY + y) * stride + minX, a, y * w, w);
    }
    return new GlyphBitmap(minX - pad, minY - pad, w, h, a);
  }

  int dx() {
    return dx;
  }

  int dy() {
    return dy;
  }

  int width() {
    return w;
  }

  int height() {
    return h;
  }

  /** Side of the scratch image {@link #render} needs for a font size. */
  public static int scratchSide(int size) {
    return 4 * size + 8;
  }

  /** Draws into {@code dst} (row stride {@code stride}) with the pen at (x, y), clipped to the array. */
  void blit(byte[] dst, int stride, int x, int y) {
    int rows = dst.length / stride;
    for (int r = 0; r < h; r++) {
      int ty = y + dy + r;
      if (ty < 0 || ty >= rows) {
        continue;
      }
      int base = ty * stride;
      for (int col = 0; col < w; col++) {
        int tx = x + dx + col;
        if (tx < 0 || tx >= stride) {
          continue;
        }
        int v = alpha[r * w + col] & 0xFF;
        if (v > (dst[base + tx] & 0xFF)) {
          dst[base + tx] = (byte) v;
        }
      }
    }
  }
}
