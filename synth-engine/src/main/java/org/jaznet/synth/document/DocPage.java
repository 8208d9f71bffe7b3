package org.jaznet.synth.document;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A rendered synthetic page.
 *
 * @param image the page (8-bit grey)
 * @param words the words drawn, in reading order (columns left to right, lines top to bottom)
 * @param dpi the resolution the page was laid out at
 * @param angleDegrees the rotation applied for the scanned look (0 for a clean page)
 */
public record DocPage(BufferedImage image, List<DocWord> words, int dpi, double angleDegrees) {
  public DocPage {
    words = List.copyOf(words);
  }
}
