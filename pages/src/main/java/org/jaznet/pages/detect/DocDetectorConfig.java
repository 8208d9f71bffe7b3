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
 */
public record DocDetectorConfig(int thresholdOffset, double wordGap, double lineGap, double maxLineAspect, boolean deskew) {
  public DocDetectorConfig {
    checkArgument(thresholdOffset >= 0 && thresholdOffset < 128, "thresholdOffset must be in [0, 128), got %s", thresholdOffset);
    checkArgument(wordGap > 0 && lineGap > wordGap, "need 0 < wordGap < lineGap, got %s, %s", wordGap, lineGap);
    checkArgument(maxLineAspect >= 2, "maxLineAspect must be >= 2, got %s", maxLineAspect);
  }

  public static DocDetectorConfig defaults() {
    return new DocDetectorConfig(12, 0.42, 1.6, 14, true);
  }
}
