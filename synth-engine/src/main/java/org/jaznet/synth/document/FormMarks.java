package org.jaznet.synth.document;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.SplittableRandom;

/**
 * The ink of a form that is not text, drawn on a {@link PageCanvas}'s art layer: rules, dotted
 * leaders, checkboxes and their marks, logos, stamp frames and signature scribbles.
 */
final class FormMarks {
  private FormMarks() {}

  static void hline(PageCanvas c, double x0, double x1, double y, double t) {
    c.rect(x0, y, x1 - x0, t, 255);
  }

  static void vline(PageCanvas c, double x, double y0, double y1, double t) {
    c.rect(x, y0, t, y1 - y0, 255);
  }

  /** A dotted (or dashed) leader on {@code y} from {@code x0} to {@code x1}. */
  static void leader(PageCanvas c, double x0, double x1, double y, double dot, double pitch, boolean dashes) {
    for (double x = x0; x + dot <= x1; x += pitch) {
      c.rect(x, y - dot, dashes ? dot * 2.5 : dot, dot, 255);
    }
  }

  /** A square checkbox with its top-left at (x, y), side {@code s}, stroke {@code t}; mark 0 none, 1 X, 2 tick, 3 filled. */
  static void checkbox(PageCanvas c, double x, double y, double s, double t, int mark) {
    c.frame(x + t / 2, y + t / 2, s - t, s - t, t);
    Graphics2D g = c.art();
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke((float) Math.max(1, t * 1.3), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    switch (mark) {
      case 1 -> {
        g.draw(new Line2D.Double(x + 0.2 * s, y + 0.2 * s, x + 0.8 * s, y + 0.8 * s));
        g.draw(new Line2D.Double(x + 0.8 * s, y + 0.2 * s, x + 0.2 * s, y + 0.8 * s));
      }
      case 2 -> {
        Path2D p = new Path2D.Double();
        p.moveTo(x + 0.15 * s, y + 0.5 * s);
        p.lineTo(x + 0.4 * s, y + 0.85 * s);
        p.lineTo(x + 1.1 * s, y - 0.2 * s);
        g.draw(p);
      }
      case 3 -> g.fill(new Rectangle2D.Double(x + 0.2 * s, y + 0.2 * s, 0.6 * s, 0.6 * s));
      default -> { }
    }
  }

  /** A logo of filled and outlined shapes in a {@code size} square at (x, y). */
  static void logo(PageCanvas c, double x, double y, double size, SplittableRandom r) {
    Graphics2D g = c.art();
    g.setColor(Color.WHITE);
    switch (r.nextInt(4)) {
      case 0 -> g.fill(new Ellipse2D.Double(x, y, size, size));
      case 1 -> {
        g.setStroke(new BasicStroke((float) (size * 0.12)));
        g.draw(new Ellipse2D.Double(x + size * 0.06, y + size * 0.06, size * 0.88, size * 0.88));
        g.fill(new Ellipse2D.Double(x + size * 0.3, y + size * 0.3, size * 0.4, size * 0.4));
      }
      case 2 -> {
        Path2D p = new Path2D.Double();
        p.moveTo(x + size / 2, y);
        p.lineTo(x + size, y + size);
        p.lineTo(x, y + size);
        p.closePath();
        g.fill(p);
      }
      default -> {
        for (int i = 0; i < 4; i++) {
          g.fill(new Rectangle2D.Double(x, y + i * size / 4, size, size / 8));
        }
      }
    }
  }

  /** A stamp's frame (round-cornered, single or double), at ink strength {@code level}. */
  static void stampFrame(PageCanvas c, double x, double y, double w, double h, double t, boolean dbl, int level) {
    Graphics2D g = c.art();
    g.setColor(new Color(level, level, level));
    g.setStroke(new BasicStroke((float) t));
    g.draw(new RoundRectangle2D.Double(x, y, w, h, h * 0.2, h * 0.2));
    if (dbl) {
      double d = 2.5 * t;
      g.draw(new RoundRectangle2D.Double(x + d, y + d, w - 2 * d, h - 2 * d, h * 0.15, h * 0.15));
    }
  }

  /** A handwritten-looking scribble (a signature, not text) over [x0, x1] around {@code y}, height {@code h}. */
  static void scribble(PageCanvas c, double x0, double x1, double y, double h, SplittableRandom r) {
    Graphics2D g = c.art();
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke((float) Math.max(1, h / 12), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    double x = x0;
    double step = (x1 - x0) / (3 + r.nextInt(4));
    while (x + step <= x1 + 1) {
      g.draw(new CubicCurve2D.Double(x, y, x + step * 0.3, y - h * r.nextDouble(), x + step * 0.6,
          y + h * 0.5 * r.nextDouble(), x + step, y - h * 0.3 * r.nextDouble()));
      x += step;
    }
  }
}
