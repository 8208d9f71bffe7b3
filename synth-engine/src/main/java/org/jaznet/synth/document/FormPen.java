package org.jaznet.synth.document;

import java.awt.Font;
import java.util.List;

/**
 * A face at a size on a form page, with the metrics the layout needs (all in page pixels).
 *
 * @param font the derived font
 * @param boldDx the synthetic bold offset (0 for none)
 * @param px the em size
 * @param ascent ascent of "Ag"
 * @param descent descent of "Ag"
 * @param space the width of a space
 * @param capHeight the height of a capital H
 */
record FormPen(Font font, int boldDx, double px, double ascent, double descent, double space, double capHeight) {
  static FormPen of(Font font, int boldDx, double px) {
    var m = font.getLineMetrics("Ag", PageCanvas.FRC);
    double cap = -font.createGlyphVector(PageCanvas.FRC, "H").getVisualBounds().getY();
    return new FormPen(font, boldDx, px, m.getAscent(), m.getDescent(),
        font.getStringBounds(" ", PageCanvas.FRC).getWidth(), cap);
  }

  double width(String word) {
    return font.getStringBounds(word, PageCanvas.FRC).getWidth() + boldDx;
  }

  /** Width of {@code words} set with single spaces. */
  double width(List<String> words) {
    double w = 0;
    for (int i = 0; i < words.size(); i++) {
      w += (i == 0 ? 0 : space) + width(words.get(i));
    }
    return w;
  }
}
