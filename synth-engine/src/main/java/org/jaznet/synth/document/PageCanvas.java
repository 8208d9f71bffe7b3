package org.jaznet.synth.document;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jaznet.synth.font.FontCatalog;
import org.jaznet.synth.font.FontChoice;

/**
 * The clean page being laid out: ink coverage (0 paper .. 255 full ink) of the words drawn, each
 * word's own ink pixels, and a separate layer for everything that is not a word (rules, frames,
 * checkboxes, leaders, logos), merged into the coverage by {@link #finish()}. A word's box therefore
 * never includes a rule it touches. Not thread-safe (one per page).
 */
final class PageCanvas {
  static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  final int width;
  final int height;
  final int[] coverage;
  final List<Drawn> drawn = new ArrayList<>();
  private final FontCatalog fonts;
  private final Map<Long, Font> fontCache = new HashMap<>();
  /** Glyphs that reach a Latin font's ascender and descender lines. */
  static final String BAND_TEXT = "bdfhklgjpqy";
  private final Map<Font, int[]> bands = new HashMap<>();
  private BufferedImage art;
  private Graphics2D artG;

  PageCanvas(FontCatalog fonts, int width, int height) {
    this.fonts = fonts;
    this.width = width;
    this.height = height;
    this.coverage = new int[width * height];
  }

  Font font(FontChoice c, double sizePx) {
    long key = ((long) c.faceIndex() * 4096 + Math.round(sizePx * 8)) * 2 + (c.syntheticItalic() ? 1 : 0);
    return fontCache.computeIfAbsent(key, k -> {
      Font f = c.face().font().deriveFont((float) sizePx);
      return c.syntheticItalic() ? f.deriveFont(AffineTransform.getShearInstance(-0.2, 0)) : f;
    });
  }

  /** As {@link #draw(String, Font, int, int, int, int)} at full ink. */
  Drawn draw(String text, Font font, int boldDx, int x, int baseline) {
    return draw(text, font, boldDx, x, baseline, 255);
  }

  /**
   * Rasterises {@code text} at origin (x, baseline) with ink strength {@code alpha} (255 full),
   * composites it and records its ink pixels; returns the word drawn, or null when nothing was.
   */
  Drawn draw(String text, Font font, int boldDx, int x, int baseline, int alpha) {
    if (!fonts.faces().isEmpty() && font.canDisplayUpTo(text) != -1) {
      return null; // faces are picked to cover the text; never draw tofu
    }
    GlyphVector gv = font.createGlyphVector(FRC, text);
    Rectangle pb = gv.getPixelBounds(FRC, 0, 0);
    int pad = 2;
    int mw = pb.width + 2 * pad + boldDx;
    int mh = pb.height + 2 * pad;
    if (mw <= 0 || mh <= 0 || pb.width <= 0) {
      return null;
    }
    BufferedImage mask = new BufferedImage(mw, mh, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = mask.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setColor(Color.WHITE);
    g.drawGlyphVector(gv, pad - pb.x, pad - pb.y);
    if (boldDx > 0) {
      g.drawGlyphVector(gv, pad - pb.x + boldDx, pad - pb.y);
    }
    g.dispose();
    byte[] m = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
    int ox = x + pb.x - pad;
    int oy = baseline + pb.y - pad;
    int[] ink = new int[64];
    int n = 0;
    for (int yy = 0; yy < mh; yy++) {
      int py = oy + yy;
      if (py < 0 || py >= height) {
        continue;
      }
      for (int xx = 0; xx < mw; xx++) {
        int px = ox + xx;
        int v = m[yy * mw + xx] & 0xFF;
        if (alpha != 255) {
          v = v * alpha / 255;
        }
        if (v == 0 || px < 0 || px >= width) {
          continue;
        }
        int idx = py * width + px;
        coverage[idx] = Math.max(coverage[idx], v);
        if (v >= DocumentSynth.INK_THRESHOLD) {
          if (n + 2 > ink.length) {
            ink = Arrays.copyOf(ink, ink.length * 2);
          }
          ink[n++] = px;
          ink[n++] = py;
        }
      }
    }
    if (n == 0) {
      return null;
    }
    int[] band = bands.computeIfAbsent(font, f -> {
      Rectangle b = f.createGlyphVector(FRC, BAND_TEXT).getPixelBounds(FRC, 0, 0);
      return new int[] {b.y, b.y + b.height};
    });
    Drawn d = new Drawn(text, Arrays.copyOf(ink, n), baseline + band[0], baseline + band[1]);
    drawn.add(d);
    return d;
  }

  /** The layer for rules, frames and marks (white is ink), antialiased; created on first use. */
  Graphics2D art() {
    if (artG == null) {
      art = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
      artG = art.createGraphics();
      artG.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      artG.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      artG.setColor(Color.WHITE);
    }
    return artG;
  }

  /** A filled rectangle of the art layer (a rule when thin), at ink strength {@code level} 0..255. */
  void rect(double x, double y, double w, double h, int level) {
    Graphics2D g = art();
    g.setColor(new Color(level, level, level));
    g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
  }

  /** An outlined rectangle of the art layer, stroke {@code t} pixels, at full ink. */
  void frame(double x, double y, double w, double h, double t) {
    Graphics2D g = art();
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke((float) t));
    g.draw(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
  }

  /** Merges the art layer into the coverage; call once, after the layout. */
  void finish() {
    if (artG == null) {
      return;
    }
    artG.dispose();
    byte[] a = ((DataBufferByte) art.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < a.length; i++) {
      coverage[i] = Math.max(coverage[i], a[i] & 0xFF);
    }
    artG = null;
    art = null;
  }

  /**
   * The words' boxes: each word's ink pixels mapped through {@code t} (the scan's rotation, identity for
   * a clean page), bounded tightly and clipped to the page; words whose ink left the page are dropped.
   */
  List<DocWord> words(AffineTransform t) {
    return words(t, WordBoxes.INK);
  }

  /**
   * The words' boxes in convention {@code boxes}, mapped through {@code t} and clipped to the page; words
   * whose ink left the page (or faded away) are dropped.
   */
  List<DocWord> words(AffineTransform t, WordBoxes boxes) {
    List<DocWord> words = new ArrayList<>(drawn.size());
    for (Drawn d : drawn) {
      // a word is kept by its ink alone, so both conventions keep the same words
      DocWord ink = bounded(d.text(), d.inkPixels(), 0.5, t);
      if (ink == null || boxes == WordBoxes.INK) {
        if (ink != null) {
          words.add(ink);
        }
        continue;
      }
      int top = Math.min(d.y0(), d.bandTop());
      int bottom = Math.max(d.y1(), d.bandBottom());
      // the band's rectangle holds every ink pixel, so its mapped bounds hold the ink box: never empty
      words.add(bounded(d.text(), new int[] {d.x0(), top, d.x1(), top, d.x0(), bottom, d.x1(), bottom}, 0, t));
    }
    return words;
  }

  /** The box of the points {@code xy} (x, y pairs, shifted by {@code shift}) mapped through {@code t}, clipped; null if empty. */
  private DocWord bounded(String text, int[] xy, double shift, AffineTransform t) {
    double x0 = Double.MAX_VALUE;
    double y0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    double y1 = -Double.MAX_VALUE;
    double[] pt = new double[2];
    for (int k = 0; k < xy.length; k += 2) {
      pt[0] = xy[k] + shift;
      pt[1] = xy[k + 1] + shift;
      t.transform(pt, 0, pt, 0, 1);
      x0 = Math.min(x0, pt[0]);
      y0 = Math.min(y0, pt[1]);
      x1 = Math.max(x1, pt[0]);
      y1 = Math.max(y1, pt[1]);
    }
    int bx0 = Math.max(0, (int) Math.floor(x0));
    int by0 = Math.max(0, (int) Math.floor(y0));
    int bx1 = Math.min(width, (int) Math.ceil(x1));
    int by1 = Math.min(height, (int) Math.ceil(y1));
    return bx1 > bx0 && by1 > by0 ? new DocWord(text, bx0, by0, bx1 - bx0, by1 - by0) : null;
  }
}
