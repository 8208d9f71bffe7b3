package org.jaznet.synth.document;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A rendered synthetic page.
 *
 * @param image the page (8-bit grey)
 * @param words the words drawn, in reading order (columns left to right, lines top to bottom), with
 *     {@link WordBoxes#INK} boxes
 * @param lineWords the same words with {@link WordBoxes#LINE} boxes
 * @param dpi the resolution the page was laid out at
 * @param angleDegrees the rotation applied for the scanned look (0 for a clean page)
 */
public record DocPage(BufferedImage image, List<DocWord> words, List<DocWord> lineWords, int dpi, double angleDegrees) {
  public DocPage {
    words = List.copyOf(words);
    lineWords = List.copyOf(lineWords);
    if (lineWords.size() != words.size()) {
      throw new IllegalArgumentException("words and lineWords differ in number: " + words.size() + " vs " + lineWords.size());
    }
  }

  /** The words with boxes in convention {@code boxes}. */
  public List<DocWord> words(WordBoxes boxes) {
    return boxes == WordBoxes.INK ? words : lineWords;
  }
}
