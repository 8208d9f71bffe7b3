package org.jaznet.pages.detect;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Settings of the {@link DocDetector}. Lengths relative to a text height are fractions of the median
 * height of a line's characters, so one setting serves 9-point text at 150 dpi and headings at 600 dpi.
 *
 * @param thresholdOffset grey levels a pixel must be darker than its neighbourhood's Gaussian mean to be
 *     ink (adaptive binarisation)
 * @param wordGap a gap wider than this many character heights starts a new word
 * @param lineGap a gap wider than this many character heights ends a line segment (columns, form cells)
 * @param maxLineAspect a word wider than this many times its height is split at its widest gaps
 * @param deskew estimate the page's skew from its lines and undo it before grouping words
 * @param strongOffset a component is kept only if one of its pixels is this many grey levels darker
 *     than its neighbourhood (hysteresis against scanner noise); at or below {@code thresholdOffset}: off
 * @param formMarks drop the marks of forms that are not words: checkboxes, dotted leaders, the fringe of
 *     ruled lines, isolated blots
 * @param lineBand word boxes take their line's band: from the top of the line's characters down to its
 *     baseline plus this fraction of the baseline's depth below that top (the descender), united with the
 *     word's ink; negative: boxes tight to each word's ink
 */
public record DocDetectorConfig(int thresholdOffset, double wordGap, double lineGap, double maxLineAspect, boolean deskew,
    int strongOffset, boolean formMarks, double lineBand) {
  public DocDetectorConfig {
    checkArgument(thresholdOffset >= 0 && thresholdOffset < 128, "thresholdOffset must be in [0, 128), got %s", thresholdOffset);
    checkArgument(wordGap > 0 && lineGap > wordGap, "need 0 < wordGap < lineGap, got %s, %s", wordGap, lineGap);
    checkArgument(maxLineAspect >= 2, "maxLineAspect must be >= 2, got %s", maxLineAspect);
    checkArgument(strongOffset >= 0 && strongOffset < 128, "strongOffset must be in [0, 128), got %s", strongOffset);
  }

  /** The descender below the baseline, as a fraction of the line's height above it (Latin print: 0.2-0.3). */
  public static final double LINE_BAND = 0.2;

  public static DocDetectorConfig defaults() {
    return new DocDetectorConfig(12, 0.26, 1.6, 14, true, 30, true, LINE_BAND);
  }

  /** These settings with line-band boxes at {@code band} (negative: tight ink boxes). */
  public DocDetectorConfig withLineBand(double band) {
    return new DocDetectorConfig(thresholdOffset, wordGap, lineGap, maxLineAspect, deskew, strongOffset, formMarks, band);
  }

  /** These settings with hysteresis at {@code offset} (0: off). */
  public DocDetectorConfig withStrongOffset(int offset) {
    return new DocDetectorConfig(thresholdOffset, wordGap, lineGap, maxLineAspect, deskew, offset, formMarks, lineBand);
  }

  /** These settings with the form-mark filters on or off. */
  public DocDetectorConfig withFormMarks(boolean on) {
    return new DocDetectorConfig(thresholdOffset, wordGap, lineGap, maxLineAspect, deskew, strongOffset, on, lineBand);
  }
}
