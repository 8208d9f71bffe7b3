package org.jaznet.pages.read;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.jaznet.pages.PageImage;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;

/** Draws a page's reading onto a colour copy of the page: word boxes, coloured by line, and their text. */
public final class BoxDrawing {
  private static final Color[] LINE_COLOURS = {
    new Color(0xE6, 0x19, 0x4B), new Color(0x3C, 0xB4, 0x4B), new Color(0x43, 0x63, 0xD8), new Color(0xF5, 0x82, 0x31),
    new Color(0x91, 0x1E, 0xB4), new Color(0x00, 0x99, 0x99)
  };

  private BoxDrawing() {}

  /** A colour copy of {@code page} with every word of {@code result} boxed and labelled above its box. */
  public static BufferedImage draw(PageImage page, PageResult result) {
    BufferedImage out = new BufferedImage(page.width(), page.height(), BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(page.image(), 0, 0, null);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      float stroke = Math.max(1f, page.height() / 800f);
      g.setStroke(new BasicStroke(stroke));
      for (PageWord w : result.words()) {
        Color c = LINE_COLOURS[(w.line() - 1) % LINE_COLOURS.length];
        g.setColor(c);
        g.drawRect(w.box().x(), w.box().y(), w.box().w() - 1, w.box().h() - 1);
        int size = Math.max(8, (int) Math.round(w.box().h() * 0.45));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        g.drawString(w.text(), w.box().x(), Math.max(size, w.box().y() - 2));
      }
    } finally {
      g.dispose();
    }
    return out;
  }
}
