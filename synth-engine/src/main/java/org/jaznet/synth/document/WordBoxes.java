package org.jaznet.synth.document;

/** How the boxes of a synthetic page's words are drawn in {@code words.jsonl}. */
public enum WordBoxes {
  /** The tight box of the word's own ink pixels (the only convention before 2026-12-07). */
  INK,
  /**
   * The ink's horizontal extent; vertically the font's line band at that size (the top of its ascenders
   * to the bottom of its descenders, measured on {@link PageCanvas#BAND_TEXT}) united with the ink. This
   * is how people and PDF text layers box words: a word without ascenders or descenders, such as
   * {@code "one"}, still gets the height of its line.
   */
  LINE
}
