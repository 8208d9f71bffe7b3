package org.jaznet.pages.detect;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Clears horizontal and vertical rules (form and table borders, underlines, frames) from a binary page:
 * a morphological opening with a long thin kernel keeps only runs of ink far longer than any character's
 * stroke; those runs, grown by one pixel across their length to take the antialiased fringe, are
 * subtracted. Text touching a rule keeps its strokes above and below it.
 */
final class RuleRemover {
  private RuleRemover() {}

  /**
   * Removes rules from {@code bin} (ink 255) in place.
   *
   * @param horizontal the shortest horizontal run taken for a rule, pixels
   * @param vertical the shortest vertical run taken for a rule, pixels
   * @param fringe pixels to grow the rules by across their length before subtracting them (0 for none)
   */
  static void remove(Mat bin, int horizontal, int vertical, int fringe) {
    Mat all = Mat.zeros(bin.size(), bin.type());
    try {
      for (Size k : new Size[] {new Size(horizontal, 1), new Size(1, vertical)}) {
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, k);
        Mat rules = new Mat();
        try {
          Imgproc.morphologyEx(bin, rules, Imgproc.MORPH_OPEN, kernel);
          if (fringe > 0) {
            Size across = k.height == 1 ? new Size(1, 2 * fringe + 1) : new Size(2 * fringe + 1, 1);
            Mat grow = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, across);
            Imgproc.dilate(rules, rules, grow);
            grow.release();
          }
          Core.bitwise_or(all, rules, all);
        } finally {
          kernel.release();
          rules.release();
        }
      }
      Core.subtract(bin, all, bin);
    } finally {
      all.release();
    }
  }
}
