package org.jaznet.synth.document;

import java.util.Objects;

/**
 * One word drawn on a synthetic page.
 *
 * @param text the text exactly as drawn (case and attached punctuation kept)
 * @param x left edge of the tight ink box, page pixels
 * @param y top edge
 * @param w width, > 0
 * @param h height, > 0
 */
public record DocWord(String text, int x, int y, int w, int h) {
  public DocWord {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty() || w <= 0 || h <= 0 || x < 0 || y < 0) {
      throw new IllegalArgumentException("bad word box " + text + " " + x + "," + y + " " + w + "x" + h);
    }
  }
}
