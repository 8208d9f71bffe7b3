package org.jaznet.synth.stage;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.canvas.Canvas;
import org.jaznet.synth.font.FontCatalog;
import org.jaznet.synth.font.FontChoice;

/**
 * Draws the word's text mask on the work canvas, character by character: a face that covers the word
 * (bold/italic from the family or synthesised), a random size, Beta(2,5) tracking, random per-character
 * kerning, an optional underline and an optional curved baseline (character i offset by a*(i-c)^2 and
 * rotated along the curve). Records each character's quad (glyph box from ascent to descent, widened to
 * the glyph's visual bounds) and the ink bounds.
 */
public final class RenderTextStage implements Stage {
  private static final double ITALIC_SHEAR = -0.21;
  private static final int SIZE_STEP = 3;
  private static final String[] ASCII = new String[128];
  /** Metrics are always measured untransformed (antialiased, fractional), never in the graphics' state. */
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  static {
    for (int i = 0; i < 128; i++) {
      ASCII[i] = String.valueOf((char) i);
    }
  }

  private final FontCatalog fonts;
  private final Recipe recipe;
  // Shared by all threads: every entry is a pure function of its key, so sharing cannot change a sample,
  // and the caches warm up once instead of once per thread.
  private final Map<Long, Font> fontCache = new ConcurrentHashMap<>();
  private final Map<Long, float[]> metricsCache = new ConcurrentHashMap<>();
  private final Map<Long, GlyphBitmap> glyphCache = new ConcurrentHashMap<>();

  public RenderTextStage(FontCatalog fonts, Recipe recipe) {
    this.fonts = fonts;
    this.recipe = recipe;
  }

  @Override
  public String name() {
    return "text";
  }

  @Override
  public StageOutcome apply(Canvas c, RandomGenerator r) {
    String text = c.word.text();
    int n = text.length();
    FontChoice choice = fonts.pick(text, recipe.boldP(), recipe.italicP(), r);
    // Sizes in steps of SIZE_STEP: the output is rescaled to its height anyway, and fewer sizes keep the
    // per-thread glyph caches small and warm.
    int steps = (recipe.fontSizeMax() - recipe.fontSizeMin()) / SIZE_STEP + 1;
    int size = recipe.fontSizeMin() + SIZE_STEP * r.nextInt(steps);
    boolean shear = choice.syntheticItalic();
    long fontKey = ((long) choice.faceIndex() * 256 + size) * 2 + (shear ? 1 : 0);
    Font font = fontCache.computeIfAbsent(fontKey, k -> derive(choice, size, shear));
    FontRenderContext frc = FRC;
    float[] line = metrics(fontKey, 0x1_0000, font, frc);
    float ascent = line[0];
    float descent = line[1];
    float boldDx = choice.syntheticBold() ? Math.max(1f, size / 18f) : 0f;

    double tracking = Gaussians.beta25(r) * recipe.trackingScale() * size / 60.0;
    boolean curved = n > 1 && r.nextDouble() < recipe.curveP();
    double curve = curved ? r.nextGaussian() * recipe.curveSigma() * size / 60.0 : 0;
    double half = (n - 1) / 2.0;
    double maxOffset = 0.6 * size;
    if (Math.abs(curve) * half * half > maxOffset) {
      curve = Math.signum(curve) * maxOffset / (half * half);
    }
    boolean underline = !curved && r.nextDouble() < recipe.underlineP();

    float[] adv = new float[n];
    float[] x0 = new float[n];
    float[] xs = new float[n];
    float[] lx0 = new float[n];
    float[] lx1 = new float[n];
    float[] yb = new float[n];
    double x = 0;
    double advSum = 0;
    for (int i = 0; i < n; i++) {
      float[] g = metrics(fontKey, text.charAt(i), font, frc);
      adv[i] = g[0];
      lx0[i] = Math.min(0, g[1]);
      lx1[i] = Math.max(g[0], g[3]) + boldDx;
      xs[i] = (float) x;
      double kern = r.nextDouble() < recipe.kerningP() ? r.nextGaussian() * 0.06 * size : 0;
      kern = Math.max(kern, -0.3 * g[0]);
      x += g[0] + boldDx + tracking + kern;
      advSum += g[0];
      x0[i] = g[2];
      yb[i] = Math.max(descent, g[4]);
    }
    double avgAdv = Math.max(1, advSum / n);
    double top = Double.MAX_VALUE;
    double bottom = -Double.MAX_VALUE;
    float[] dy = new float[n];
    float[] theta = new float[n];
    for (int i = 0; i < n; i++) {
      double d = i - half;
      dy[i] = (float) (curve * d * d);
      theta[i] = (float) Math.atan(2 * curve * d / avgAdv);
      top = Math.min(top, dy[i] - Math.max(ascent, -x0[i]));
      bottom = Math.max(bottom, dy[i] + yb[i]);
    }
    int margin = size / 2 + 2;
    double extent = xs[n - 1] + lx1[n - 1];
    int w = (int) Math.ceil(extent + 2 * margin + size * 0.3);
    int h = (int) Math.ceil(bottom - top + 2 * margin + (curved ? size * 0.3 : 0));
    c.prepareWork(w, h);
    c.fontSize = size;
    double baseY = margin - top + (curved ? size * 0.15 : 0);
    double originX = margin;

    Graphics2D g2 = c.graphics;
    g2.setTransform(new AffineTransform());
    g2.setColor(Color.WHITE);
    g2.setFont(font);
    AffineTransform t = new AffineTransform();
    // Ink bounds come from the blitted bitmaps (cropped to their ink); Java2D-drawn glyphs need a scan.
    boolean scan = underline;
    int inkX0 = Integer.MAX_VALUE;
    int inkY0 = Integer.MAX_VALUE;
    int inkX1 = Integer.MIN_VALUE;
    int inkY1 = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      float cx = adv[i] / 2;
      t.setToTranslation(originX + xs[i] + cx, baseY + dy[i]);
      if (theta[i] != 0) {
        t.rotate(theta[i]);
      }
      t.translate(-cx, 0);
      if (theta[i] == 0) {
        // Upright glyphs are blitted from a per-thread bitmap cache: Java2D only draws each glyph once.
        GlyphBitmap gb = glyphCache.get(fontKey * 0x2_0000L + ch);
        if (gb == null) {
          gb = renderGlyph(c, font, ch, size, metrics(fontKey, ch, font, frc));
          glyphCache.putIfAbsent(fontKey * 0x2_0000L + ch, gb);
        }
        int gx = (int) Math.round(t.getTranslateX());
        int gy = (int) Math.round(t.getTranslateY());
        gb.blit(c.workPixels, c.workCapacityW, gx, gy);
        if (boldDx > 0) {
          gb.blit(c.workPixels, c.workCapacityW, gx + Math.round(boldDx), gy);
        }
        if (gb.width() > 0) {
          inkX0 = Math.min(inkX0, gx + gb.dx());
          inkY0 = Math.min(inkY0, gy + gb.dy());
          inkX1 = Math.max(inkX1, gx + gb.dx() + gb.width() + (boldDx > 0 ? Math.round(boldDx) : 0));
          inkY1 = Math.max(inkY1, gy + gb.dy() + gb.height());
        }
      } else {
        scan = true;
        String s = ch < 128 ? ASCII[ch] : String.valueOf(ch);
        g2.setTransform(t);
        g2.drawString(s, 0f, 0f);
        if (boldDx > 0) {
          g2.drawString(s, boldDx, 0f);
        }
      }
      float[] q = c.quads;
      int k = 8 * i;
      float top0 = -Math.max(ascent, -x0[i]);
      q[k] = lx0[i];
      q[k + 1] = top0;
      q[k + 2] = lx1[i];
      q[k + 3] = top0;
      q[k + 4] = lx1[i];
      q[k + 5] = yb[i];
      q[k + 6] = lx0[i];
      q[k + 7] = yb[i];
      t.transform(q, k, q, k, 4);
    }
    if (underline) {
      int uy = (int) Math.round(baseY + Math.max(1, descent * 0.45));
      int thick = Math.max(1, Math.round(size / 14f));
      int ux = (int) Math.floor(originX);
      int uw = (int) Math.ceil(extent);
      for (int y = uy; y < Math.min(c.workH, uy + thick); y++) {
        java.util.Arrays.fill(c.workPixels, y * c.workCapacityW + ux, y * c.workCapacityW + ux + uw, (byte) 255);
      }
    }
    if (scan || inkX1 <= inkX0) {
      findInk(c);
    } else {
      c.inkX0 = Math.max(0, inkX0);
      c.inkY0 = Math.max(0, inkY0);
      c.inkX1 = Math.min(c.workW, inkX1);
      c.inkY1 = Math.min(c.workH, inkY1);
    }
    return StageOutcome.CONTINUE;
  }

  private static GlyphBitmap renderGlyph(Canvas c, Font font, char ch, int size, float[] m) {
    BufferedImage scratch = c.glyphScratch(GlyphBitmap.scratchSide(size));
    if (c.glyphGraphics == null) {
      c.glyphGraphics = GlyphBitmap.graphicsFor(scratch);
    }
    return GlyphBitmap.render(font, ch, scratch, c.glyphGraphics, new float[] {m[1], m[2], m[3], m[4]});
  }

  private static Font derive(FontChoice choice, int size, boolean shear) {
    Font f = choice.face().font().deriveFont((float) size);
    return shear ? f.deriveFont(AffineTransform.getShearInstance(ITALIC_SHEAR, 0)) : f;
  }

  /**
   * Cached metrics: for a character {advance, visual minX, visual minY, visual maxX, visual maxY}; for
   * the key 0x10000 the line's {ascent, descent}.
   */
  private float[] metrics(long fontKey, int ch, Font font, FontRenderContext frc) {
    long key = fontKey * 0x2_0000L + ch;
    float[] m = metricsCache.get(key);
    if (m == null) {
      if (ch == 0x1_0000) {
        LineMetrics lm = font.getLineMetrics("Hgjy", frc);
        m = new float[] {lm.getAscent(), lm.getDescent()};
      } else {
        GlyphVector gv = font.createGlyphVector(frc, String.valueOf((char) ch));
        Rectangle2D vb = gv.getGlyphVisualBounds(0).getBounds2D();
        float advance = gv.getGlyphMetrics(0).getAdvance();
        m = new float[] {advance, (float) vb.getMinX(), (float) vb.getMinY(), (float) vb.getMaxX(),
            (float) vb.getMaxY()};
      }
      metricsCache.putIfAbsent(key, m);
    }
    return m;
  }

  private static void findInk(Canvas c) {
    byte[] px = c.workPixels;
    int stride = c.workCapacityW;
    int minX = Integer.MAX_VALUE;
    int maxX = -1;
    int minY = Integer.MAX_VALUE;
    int maxY = -1;
    for (int y = 0; y < c.workH; y++) {
      int row = y * stride;
      int first = -1;
      for (int xx = 0; xx < c.workW; xx++) {
        if (px[row + xx] != 0) {
          first = xx;
          break;
        }
      }
      if (first < 0) {
        continue;
      }
      int last = first;
      for (int xx = c.workW - 1; xx > first; xx--) {
        if (px[row + xx] != 0) {
          last = xx;
          break;
        }
      }
      minX = Math.min(minX, first);
      maxX = Math.max(maxX, last);
      minY = Math.min(minY, y);
      maxY = y;
    }
    if (maxX < 0) {
      // Nothing visible (e.g. only spaces): frame the glyph boxes instead.
      c.inkX0 = 0;
      c.inkY0 = 0;
      c.inkX1 = c.workW;
      c.inkY1 = c.workH;
    } else {
      c.inkX0 = minX;
      c.inkY0 = minY;
      c.inkX1 = maxX + 1;
      c.inkY1 = maxY + 1;
    }
  }
}
