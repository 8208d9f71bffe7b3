package org.jaznet.pages.detect.scene;

import java.util.ArrayList;
import java.util.List;
import org.jaznet.pages.PageBox;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Word boxes to kernel maps (training targets) and back (box extraction). A kernel is the word box
 * shrunk by {@code shrink x height} on every side, drawn on a map of one cell per
 * {@value SceneNetConfig#STRIDE}x{@value SceneNetConfig#STRIDE} pixels; extraction finds the connected
 * regions of cells over the threshold and grows each by the same margin.
 */
public final class KernelMaps {
  static {
    Preprocessor.loadOpenCv();
  }

  private KernelMaps() {}

  /** A box found on a map, in input pixels, with its mean kernel probability. */
  public record Found(PageBox box, double score) {}

  /** The kernel of {@code b} in input pixels, as [x0, y0, x1, y1] (never empty: at least its centre). */
  static double[] kernel(PageBox b, double shrink) {
    double m = shrink * b.h();
    double x0 = b.x() + m;
    double x1 = b.right() - m;
    double y0 = b.y() + m;
    double y1 = b.bottom() - m;
    if (x1 - x0 < 2) {
      double c = b.x() + b.w() / 2.0;
      x0 = c - 1;
      x1 = c + 1;
    }
    if (y1 - y0 < 2) {
      double c = b.y() + b.h() / 2.0;
      y0 = c - 1;
      y1 = c + 1;
    }
    return new double[] {x0, y0, x1, y1};
  }

  /**
   * The target map of {@code boxes} on a {@code width x height} input: {@code mapH x mapW} floats,
   * row-major, 1 where a cell's centre lies in a kernel (half-open) (or the kernel covers no centre but the cell).
   */
  public static float[] target(List<PageBox> boxes, int width, int height, double shrink) {
    int s = SceneNetConfig.STRIDE;
    int mw = width / s;
    int mh = height / s;
    float[] map = new float[mw * mh];
    for (PageBox b : boxes) {
      double[] k = kernel(b, shrink);
      // cells whose centre lies in [k0, k1): a kernel of L pixels marks about L / stride cells
      int cx0 = (int) Math.ceil(k[0] / s - 0.5);
      int cx1 = (int) Math.ceil(k[2] / s - 0.5) - 1;
      int cy0 = (int) Math.ceil(k[1] / s - 0.5);
      int cy1 = (int) Math.ceil(k[3] / s - 0.5) - 1;
      if (cx1 < cx0) {
        cx0 = cx1 = (int) Math.floor((k[0] + k[2]) / 2 / s);
      }
      if (cy1 < cy0) {
        cy0 = cy1 = (int) Math.floor((k[1] + k[3]) / 2 / s);
      }
      for (int y = Math.max(0, cy0); y <= Math.min(mh - 1, cy1); y++) {
        for (int x = Math.max(0, cx0); x <= Math.min(mw - 1, cx1); x++) {
          map[y * mw + x] = 1f;
        }
      }
    }
    return map;
  }

  /**
   * The boxes of a probability map ({@code mapH x mapW}, row-major), in input pixels clipped to
   * {@code width x height}: connected regions over {@code threshold}, grown back from kernels to boxes.
   */
  public static List<Found> extract(float[] prob, int mapW, int mapH, int width, int height, double shrink, double threshold) {
    byte[] bin = new byte[mapW * mapH];
    for (int i = 0; i < bin.length; i++) {
      bin[i] = prob[i] > threshold ? (byte) 255 : 0;
    }
    Mat m = new Mat(mapH, mapW, CvType.CV_8UC1);
    Mat labels = new Mat();
    Mat stats = new Mat();
    Mat centroids = new Mat();
    List<Found> out = new ArrayList<>();
    try {
      m.put(0, 0, bin);
      int n = Imgproc.connectedComponentsWithStats(m, labels, stats, centroids, 4, CvType.CV_32S);
      if (n <= 1) {
        return out;
      }
      int[] st = new int[(n - 1) * 5];
      stats.submat(1, n, 0, 5).get(0, 0, st);
      int[] lab = new int[mapW * mapH];
      labels.get(0, 0, lab);
      double[] sum = new double[n];
      for (int i = 0; i < lab.length; i++) {
        if (lab[i] > 0) {
          sum[lab[i]] += prob[i];
        }
      }
      int s = SceneNetConfig.STRIDE;
      for (int c = 1; c < n; c++) {
        int x = st[5 * (c - 1)];
        int y = st[5 * (c - 1) + 1];
        int w = st[5 * (c - 1) + 2];
        int h = st[5 * (c - 1) + 3];
        int area = st[5 * (c - 1) + 4];
        if (area < 2) {
          continue;
        }
        double kx0 = x * s;
        double ky0 = y * s;
        double kx1 = (x + w) * s;
        double ky1 = (y + h) * s;
        // kernel height = box height x (1 - 2 shrink)
        double grow = shrink * (ky1 - ky0) / (1 - 2 * shrink);
        int bx0 = (int) Math.max(0, Math.floor(kx0 - grow));
        int by0 = (int) Math.max(0, Math.floor(ky0 - grow));
        int bx1 = (int) Math.min(width, Math.ceil(kx1 + grow));
        int by1 = (int) Math.min(height, Math.ceil(ky1 + grow));
        if (bx1 > bx0 && by1 > by0) {
          out.add(new Found(PageBox.ofCorners(bx0, by0, bx1, by1), sum[c] / area));
        }
      }
      return out;
    } finally {
      m.release();
      labels.release();
      stats.release();
      centroids.release();
    }
  }
}
