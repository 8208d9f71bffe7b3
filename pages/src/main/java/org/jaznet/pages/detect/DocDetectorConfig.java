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
 */
public record DocDetectorConfig(int thresholdOffset, double wordGap, double lineGap, double maxLineAspect, boolean deskew,
    int strongOffset, boolean formMarks) {
  public DocDetectorConfig {
    checkArgument(thresholdOffset >= 0 && thresholdOffset < 128, "thresholdOffset must be in [0, 128), got %s", thresholdOffset);
    checkArgument(wordGap > 0 && lineGap > wordGap, "need 0 < wordGap < lineGap, got %s, %s", wordGap, lineGap);
    checkArgument(maxLineAspect >= 2, "maxLineAspect must be >= 2, got %s", maxLineAspect);
    checkArgument(strongOffset >= 0 && strongOffset < 128, "strongOffset must be in [0, 128), got %s", strongOffset);
  }

  public static DocDetectorConfig defaults() {
    return new DocDetectorConfig(12, 0.26, 1.6, 14, true, 30, true);
  }

  /** These settings with hysteresis at {@code offset} (0: off). */
  public DocDetectorConfig withStrongOffset(int offset) {
    return new DocDetectorConfig(thresholdOffset, wordGap, lineGap, maxLineAspect, deskew, offset, formMarks);
  }

  /** These settings with the form-mark filters on or off. */
  public DocDetectorConfig withFormMarks(boolean on) {
    return new DocDetectorConfig(thresholdOffset, wordGap, lineGap, maxLineAspect, deskew, strongOffset, on);
  }
}
