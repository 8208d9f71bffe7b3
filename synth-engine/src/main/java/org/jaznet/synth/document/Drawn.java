package org.jaznet.synth.document;

/**
 * A word laid out on a clean page: its text and its ink pixels (x, y pairs, coverage at or above
 * {@link DocumentSynth#INK_THRESHOLD}); rules, frames and marks it touches are not part of it.
 *
 * @param text the text as drawn
 * @param inkPixels x, y pairs of the word's own ink pixels
 * @param bandTop the top of the font's line band at the word's baseline (clean page y)
 * @param bandBottom one past the bottom of that band
 */
record Drawn(String text, int[] inkPixels, int bandTop, int bandBottom) {
  /** The same word with only {@code kept} of its ink (a faded or broken print). */
  Drawn withInk(int[] kept) {
    return new Drawn(text, kept, bandTop, bandBottom);
  }

  /** The smallest x of the ink. */
  int x0() {
    return extreme(0, true);
  }

  /** One past the largest x of the ink. */
  int x1() {
    return extreme(0, false) + 1;
  }

  /** The smallest y of the ink. */
  int y0() {
    return extreme(1, true);
  }

  /** One past the largest y of the ink. */
  int y1() {
    return extreme(1, false) + 1;
  }

  private int extreme(int axis, boolean min) {
    int v = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    for (int k = axis; k < inkPixels.length; k += 2) {
      v = min ? Math.min(v, inkPixels[k]) : Math.max(v, inkPixels[k]);
    }
    return v;
  }
}
