package org.jaznet.pages.detect;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jaznet.pages.PageBox;

/** Pages rendered with Java2D whose every word's ink box is known, for detector and reader tests. */
public final class TestPages {
  private TestPages() {}

  /** A word drawn on a test page and its ink box. */
  public record Word(String text, PageBox box, int column, int line) {}

  /** A rendered page and its words. */
  public record Page(BufferedImage image, List<Word> words) {}

  /**
   * A white page with {@code columns} columns of lines of {@code words}, black {@code font} text, drawn
   * turned by {@code degrees} about the page centre (word boxes turned with it and re-bounded).
   */
  public static Page render(int width, int height, Font font, int columns, List<String> words, double degrees) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLACK);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    AffineTransform turn = AffineTransform.getRotateInstance(Math.toRadians(degrees), width / 2.0, height / 2.0);
    g.transform(turn);
    g.setFont(font);
    FontRenderContext frc = g.getFontRenderContext();
    int margin = width / 12;
    int gutter = width / 14;
    int colWidth = (width - 2 * margin - (columns - 1) * gutter) / columns;
    double space = font.getSize2D() * 0.45;
    double leading = font.getSize2D() * 1.6;
    List<Word> out = new ArrayList<>();
    int next = 0;
    for (int c = 0; c < columns && next < words.size(); c++) {
      double y = margin + font.getSize2D();
      int line = 1;
      double x = margin + c * (colWidth + gutter);
      double left = x;
      while (next < words.size() && y < height - margin) {
        String w = words.get(next);
        GlyphVector gv = font.createGlyphVector(frc, w);
        double adv = gv.getLogicalBounds().getWidth();
        if (x + adv > left + colWidth && x > left) {
          x = left;
          y += leading;
          line++;
          continue;
        }
        g.drawGlyphVector(gv, (float) x, (float) y);
        Rectangle ink = turn.createTransformedShape(
            new java.awt.geom.Rectangle2D.Double(x + gv.getVisualBounds().getX(), y + gv.getVisualBounds().getY(),
                gv.getVisualBounds().getWidth(), gv.getVisualBounds().getHeight())).getBounds();
        out.add(new Word(w, new PageBox(ink.x, ink.y, ink.width, ink.height), c + 1, line));
        x += adv + space;
        next++;
      }
    }
    g.dispose();
    return new Page(img, out);
  }
}
