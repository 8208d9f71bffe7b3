package org.jaznet.pages.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageImage;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Word detection for scans and rendered documents (dark print on a light ground): adaptive Gaussian
 * binarisation with hysteresis against scanner noise, removal of ruled lines (form and table borders,
 * found by morphological opening with long thin kernels), 8-connected components and checkboxes
 * ({@link InkComponents}); rule fragments, specks, blots and dotted leaders dropped by size relative to
 * the page's median character height ({@link MarkFilter}); deskew from the slope of the longest lines,
 * then {@link LineGrouper} for lines and words and {@link ReadingOrder} for blocks. Boxes are always in
 * the input page's pixels, also when the page was deskewed. Thread-safe and stateless.
 */
public final class DocDetector implements WordDetector {
  static {
    Preprocessor.loadOpenCv();
  }

  /** Skews below this many degrees are left alone (print is rarely set straighter). */
  static final double MIN_SKEW_DEGREES = 0.3;
  static final double MAX_SKEW_DEGREES = 10;
  /** Lines lower than this fraction of the page's median character height are dropped as noise. */
  static final double MIN_LINE_HEIGHT = 0.45;

  private final DocDetectorConfig config;

  public DocDetector(DocDetectorConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  public DocDetector() {
    this(DocDetectorConfig.defaults());
  }

  @Override
  public List<DetectedWord> detect(PageImage page) {
    int w = page.width();
    int h = page.height();
    Mat grey = new Mat(h, w, CvType.CV_8UC1);
    try {
      grey.put(0, 0, Preprocessor.grey(page.image()));
      Layout layout = layout(grey);
      if (config.deskew() && layout.skewDegrees != 0) {
        Mat rotated = new Mat();
        Mat m = Imgproc.getRotationMatrix2D(new Point(w / 2.0, h / 2.0), layout.skewDegrees, 1.0);
        try {
          Imgproc.warpAffine(grey, rotated, m, grey.size(), Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT, new Scalar(255));
          Layout straight = layout(rotated);
          return words(straight, m, w, h);
        } finally {
          rotated.release();
          m.release();
        }
      }
      return words(layout, null, w, h);
    } finally {
      grey.release();
    }
  }

  /**
   * The grouped blocks of a grey page and the skew its lines show; {@code specks} is the character height
   * below which lone marks are dropped as words ({@link LineGrouper#words}), 0 without the form-mark filters.
   */
  private record Layout(List<ReadingOrder.Block> blocks, LineGrouper grouper, double skewDegrees, double specks) {}

  private Layout layout(Mat grey) {
    List<Blob> blobs = InkComponents.of(grey, config);
    LineGrouper grouper = new LineGrouper(config);
    if (blobs.isEmpty()) {
      return new Layout(List.of(), grouper, 0, 0);
    }
    double charHeight = MarkFilter.textHeight(blobs);
    blobs = config.formMarks() ? MarkFilter.clean(blobs, charHeight) : withoutRuleFragments(blobs, charHeight);
    List<LineGrouper.Segment> segments = new ArrayList<>();
    for (LineGrouper.Segment s : grouper.segments(blobs, charHeight)) {
      // a "line" of nothing but marks far below character height is noise, dots or the rest of a rule
      if (s.bounds.h() >= MIN_LINE_HEIGHT * charHeight) {
        segments.add(s);
      }
    }
    return new Layout(ReadingOrder.order(segments), grouper, skew(segments), config.formMarks() ? charHeight : 0);
  }

  /**
   * Drops the pieces of ruled or hand-drawn lines that survive {@link RuleRemover} (a skewed or broken
   * rule opens into short flat runs): components far flatter than a character and several wide.
   */
  private static List<Blob> withoutRuleFragments(List<Blob> blobs, double charHeight) {
    List<Blob> out = new ArrayList<>(blobs.size());
    for (Blob b : blobs) {
      boolean flat = b.h() <= Math.max(3, 0.3 * charHeight) && b.w() >= 2.5 * charHeight;
      boolean upright = b.w() <= Math.max(3, 0.3 * charHeight) && b.h() >= 3.5 * charHeight;
      if (!flat && !upright) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * The page's skew in degrees (OpenCV's sense: positive turns the page counter-clockwise), the median
   * slope of the lines long enough to tell, measured through the vertical centres of their characters;
   * 0 when below {@link #MIN_SKEW_DEGREES} or when no line can tell.
   */
  private static double skew(List<LineGrouper.Segment> segments) {
    List<Double> angles = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (LineGrouper.Segment s : segments) {
      if (s.parts.size() < 8 || s.bounds.w() < 12 * s.charHeight()) {
        continue;
      }
      double ch = s.charHeight();
      double sx = 0;
      double sy = 0;
      double sxx = 0;
      double sxy = 0;
      int n = 0;
      for (Blob b : s.parts) {
        if (b.h() < 0.7 * ch || b.h() > 1.3 * ch) {
          continue;
        }
        double x = (b.x0() + b.x1()) / 2.0;
        double y = b.y1();
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        n++;
      }
      double den = n * sxx - sx * sx;
      if (n < 6 || den <= 0) {
        continue;
      }
      angles.add(Math.toDegrees(Math.atan((n * sxy - sx * sy) / den)));
      weights.add((double) n);
    }
    if (angles.size() < 2) {
      return 0;
    }
    Integer[] idx = new Integer[angles.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(angles.get(a), angles.get(b)));
    double total = weights.stream().mapToDouble(Double::doubleValue).sum();
    double acc = 0;
    double median = 0;
    for (Integer i : idx) {
      acc += weights.get(i);
      if (acc >= total / 2) {
        median = angles.get(i);
        break;
      }
    }
    // image y grows downwards: a line rising to the right has a negative slope and needs a clockwise turn
    return Math.abs(median) < MIN_SKEW_DEGREES || Math.abs(median) > MAX_SKEW_DEGREES ? 0 : median;
  }

  /** Numbers blocks, lines and words in reading order; maps boxes back through {@code rotation}'s inverse. */
  private static List<DetectedWord> words(Layout layout, Mat rotation, int w, int h) {
    double[] inv = null;
    if (rotation != null) {
      Mat invM = new Mat();
      Imgproc.invertAffineTransform(rotation, invM);
      inv = new double[6];
      invM.get(0, 0, inv);
      invM.release();
    }
    List<DetectedWord> out = new ArrayList<>();
    int line = 0;
    int blockNo = 0;
    for (ReadingOrder.Block b : layout.blocks) {
      blockNo++;
      for (LineGrouper.Segment s : b.lines) {
        line++;
        for (Blob word : layout.grouper.words(s, layout.specks)) {
          PageBox box = inv == null ? word.box().clip(w, h) : unrotate(word, inv, w, h);
          if (box != null) {
            out.add(new DetectedWord(box, line, blockNo, 1.0));
          }
        }
      }
    }
    return out;
  }

  private static PageBox unrotate(Blob b, double[] m, int w, int h) {
    double x0 = Double.MAX_VALUE;
    double y0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    double y1 = -Double.MAX_VALUE;
    for (int[] c : new int[][] {{b.x0(), b.y0()}, {b.x1(), b.y0()}, {b.x0(), b.y1()}, {b.x1(), b.y1()}}) {
      double x = m[0] * c[0] + m[1] * c[1] + m[2];
      double y = m[3] * c[0] + m[4] * c[1] + m[5];
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    int ix0 = Math.max(0, (int) Math.floor(x0));
    int iy0 = Math.max(0, (int) Math.floor(y0));
    int ix1 = Math.min(w, (int) Math.ceil(x1));
    int iy1 = Math.min(h, (int) Math.ceil(y1));
    return ix1 <= ix0 || iy1 <= iy0 ? null : PageBox.ofCorners(ix0, iy0, ix1, iy1);
  }
}
