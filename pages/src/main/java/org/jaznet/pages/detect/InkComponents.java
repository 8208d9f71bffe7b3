package org.jaznet.pages.detect;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * The ink components of a grey page: adaptive Gaussian binarisation, ruled lines removed
 * ({@link RuleRemover}), 8-connected components. With hysteresis ({@link DocDetectorConfig#strongOffset()}
 * above the threshold offset) a component is kept only if some pixel of it is that much darker than its
 * neighbourhood: print is, clusters of scanner noise are not. Checkboxes and frames (hollow squares with
 * four ruled sides) and the marks inside them are dropped too when {@link DocDetectorConfig#formMarks()}
 * is on. Stateless.
 */
final class InkComponents {
  private InkComponents() {}

  /** Binary ink of {@code grey} (255 where darker than its neighbourhood by {@code offset}). */
  static Mat binarise(Mat grey, int offset) {
    int block = Math.max(15, Math.min(101, Math.min(grey.cols(), grey.rows()) / 25)) | 1;
    Mat bin = new Mat();
    Imgproc.adaptiveThreshold(grey, bin, 255, Imgproc.ADAPTIVE_THRESH_GAUSSIAN_C, Imgproc.THRESH_BINARY_INV, block, offset);
    return bin;
  }

  static List<Blob> of(Mat grey, DocDetectorConfig config) {
    int w = grey.cols();
    int h = grey.rows();
    Mat bin = binarise(grey, config.thresholdOffset());
    Mat labels = new Mat();
    Mat stats = new Mat();
    Mat centroids = new Mat();
    try {
      int len = Math.max(40, Math.min(w, h) / 15);
      RuleRemover.remove(bin, len, len, config.formMarks() ? 1 : 0);
      int n = Imgproc.connectedComponentsWithStats(bin, labels, stats, centroids, 8, CvType.CV_32S);
      int[] s = new int[Math.max(0, n - 1) * 5];
      if (n > 1) {
        stats.submat(1, n, 0, 5).get(0, 0, s);
      }
      int strongOffset = config.strongOffset();
      boolean[] strong = strongOffset > config.thresholdOffset() ? strongLabels(grey, labels, n, strongOffset) : null;
      int[] lab = null;
      List<Blob> out = new ArrayList<>(n);
      for (int i = 0; i < n - 1; i++) {
        Blob b = new Blob(s[5 * i], s[5 * i + 1], s[5 * i] + s[5 * i + 2], s[5 * i + 1] + s[5 * i + 3], s[5 * i + 4]);
        // specks of scanner noise; a full stop at 150 dpi still has ~6 pixels
        if (b.ink() < 4 || (b.w() < 2 && b.h() < 2)) {
          continue;
        }
        // pictures, logos and frames: no character is a fifth of the page high
        if (b.h() > h / 5 || b.w() > w / 3) {
          continue;
        }
        if (strong != null && !strong[i + 1]) {
          continue;
        }
        if (config.formMarks() && Checkboxes.candidate(b)) {
          if (lab == null) {
            lab = new int[w * h];
            labels.get(0, 0, lab);
          }
          if (Checkboxes.isBox(lab, w, i + 1, b)) {
            out.add(Checkboxes.marker(b));
            continue;
          }
        }
        out.add(b);
      }
      return config.formMarks() ? Checkboxes.withoutBoxes(out) : out;
    } finally {
      bin.release();
      labels.release();
      stats.release();
      centroids.release();
    }
  }

  /** For each label, whether one of its pixels is darker than its neighbourhood by {@code offset}. */
  private static boolean[] strongLabels(Mat grey, Mat labels, int n, int offset) {
    Mat strong = binarise(grey, offset);
    try {
      int size = grey.cols() * grey.rows();
      byte[] st = new byte[size];
      strong.get(0, 0, st);
      int[] lab = new int[size];
      labels.get(0, 0, lab);
      boolean[] out = new boolean[n];
      for (int i = 0; i < size; i++) {
        if (st[i] != 0) {
          out[lab[i]] = true;
        }
      }
      return out;
    } finally {
      strong.release();
    }
  }
}
