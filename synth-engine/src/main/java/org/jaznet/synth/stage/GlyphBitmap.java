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
  /** Pixels around the visual bounds that are cleared and scanned too (antialiasing spills about one). */
  private static final int MARGIN = 3;
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
   * Renders {@code ch} in {@code font} (pen at an integer position) with {@code g}, a graphics on
   * {@code scratch} (a square grey image reused by the calling thread, at least {@link #scratchSide}
   * wide, white paint, antialiased), and keeps its ink bounds. Only the glyph's visual bounds
   * ({@code bounds}: minX, minY, maxX, maxY relative to the pen) plus a margin are cleared and scanned.
   */
  static GlyphBitmap render(Font font, char ch, BufferedImage scratch, Graphics2D g, float[] bounds) {
    int size = Math.max(1, Math.round(font.getSize2D()));
    int pad = 2 * size;
    int side = scratchSide(size);
    int stride = scratch.getWidth();
    if (stride < side || scratch.getHeight() < side) {
      throw new IllegalArgumentException("scratch image too small for size " + size);
    }
    int rx0 = clamp(pad + (int) Math.floor(bounds[0]) - MARGIN, side);
    int ry0 = clamp(pad + (int) Math.floor(bounds[1]) - MARGIN, side);
    int rx1 = clamp(pad + (int) Math.ceil(bounds[2]) + MARGIN, side);
    int ry1 = clamp(pad + (int) Math.ceil(bounds[3]) + MARGIN, side);
    byte[] px = ((DataBufferByte) scratch.getRaster().getDataBuffer()).getData();
    for (int y = ry0; y < ry1; y++) {
      java.util.Arrays.fill(px, y * stride + rx0, y * stride + rx1, (byte) 0);
    }
    g.setClip(rx0, ry0, rx1 - rx0, ry1 - ry0);
    g.setFont(font);
    g.drawString(String.valueOf(ch), pad, pad);
    int minX = side;
    int minY = side;
    int maxX = -1;
    int maxY = -1;
    for (int y = ry0; y < ry1; y++) {
      for (int x = rx0; x < rx1; x++) {
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

  private static int clamp(int v, int side) {
    return Math.max(0, Math.min(side, v));
  }

  /** A fresh graphics for a scratch image, set up as {@link #render} expects. */
  static Graphics2D graphicsFor(BufferedImage scratch) {
    Graphics2D g = scratch.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setColor(Color.WHITE);
    return g;
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
