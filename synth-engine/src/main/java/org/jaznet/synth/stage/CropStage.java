package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.canvas.Canvas;
import org.jaznet.synth.canvas.Homography;
import org.opencv.core.CvType;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Crops around the (distorted) ink bounds grown by a random padding per side, scales to the output
 * height with the width by aspect ratio, and resamples the text mask once through the whole pending
 * transform, straight from the work canvas to the output size.
 *
 * <p>The padding is N(paddingMean, paddingSigma) px at 60 px, as MJSynth's, but never less than
 * {@link #MIN_MARGIN} clear output pixels beyond the ink's reach under bilinear resampling: a draw below
 * that floor is reflected above it, so the margin stays random and every glyph stays whole (with the
 * old floor of 0, about a third of the samples had ink on a border pixel, and glyphs cut at the edge
 * under a label that names them). Draws above the floor are used as they are.
 */
public final class CropStage implements Stage {
  /** Output widths are clamped to this range (a wider crop is squeezed horizontally, never cut). */
  static final int MIN_WIDTH = 4;
  static final int MAX_WIDTH = 2048;
  /** Clear output pixels kept between the ink's reach and each edge. */
  static final double MIN_MARGIN = 1.0;
  private static final float REACH_SLACK = 0.25f;
  /** The floors depend on the scale, which depends on the vertical padding: a few fixed-point rounds. */
  private static final int FLOOR_ROUNDS = 6;

  private final Recipe recipe;

  public CropStage(Recipe recipe) {
    this.recipe = recipe;
  }

  @Override
  public String name() {
    return "crop";
  }

  @Override
  public StageOutcome apply(Canvas c, RandomGenerator r) {
    float[] box = {c.inkX0, c.inkY0, c.inkX1, c.inkY0, c.inkX1, c.inkY1, c.inkX0, c.inkY1};
    Homography.apply(c.homography, box, 0, 4);
    double minX = Math.min(Math.min(box[0], box[2]), Math.min(box[4], box[6]));
    double maxX = Math.max(Math.max(box[0], box[2]), Math.max(box[4], box[6]));
    double minY = Math.min(Math.min(box[1], box[3]), Math.min(box[5], box[7]));
    double maxY = Math.max(Math.max(box[1], box[3]), Math.max(box[5], box[7]));
    // Ink pixels are samples at integer positions [inkX0, inkX1 - 1]; bilinear resampling feels each one
    // up to one pixel away, so ink reaches (inkX0 - 1, inkX1) in work coordinates, widened by REACH_SLACK
    // for OpenCV's fixed-point (1/32 px) sample positions.
    float x0r = c.inkX0 - 1 - REACH_SLACK;
    float y0r = c.inkY0 - 1 - REACH_SLACK;
    float x1r = c.inkX1 + REACH_SLACK;
    float y1r = c.inkY1 + REACH_SLACK;
    float[] reach = {x0r, y0r, x1r, y0r, x1r, y1r, x0r, y1r};
    Homography.apply(c.homography, reach, 0, 4);
    double reachX0 = Math.min(Math.min(reach[0], reach[2]), Math.min(reach[4], reach[6]));
    double reachX1 = Math.max(Math.max(reach[0], reach[2]), Math.max(reach[4], reach[6]));
    double reachY0 = Math.min(Math.min(reach[1], reach[3]), Math.min(reach[5], reach[7]));
    double reachY1 = Math.max(Math.max(reach[1], reach[3]), Math.max(reach[5], reach[7]));
    double k = c.fontSize / 60.0;
    double drawnLeft = pad(r) * k;
    double drawnTop = pad(r) * k;
    double drawnRight = pad(r) * k;
    double drawnBottom = pad(r) * k;
    int outH = recipe.outputHeight();
    double left = drawnLeft;
    double top = drawnTop;
    double right = drawnRight;
    double bottom = drawnBottom;
    double h = Math.max(1, maxY + bottom - (minY - top));
    double w = maxX + right - (minX - left);
    double scale = outH / h;
    double scaleX = Math.min(scale, MAX_WIDTH / w);
    for (int round = 0; round < FLOOR_ROUNDS; round++) {
      // Column m (0-based) samples x0 + m / scaleX: columns 0..MIN_MARGIN-1 must lie before the reach, and
      // the last ones after it, allowing half a pixel for rounding the width.
      left = atLeast(drawnLeft, minX - reachX0 + (MIN_MARGIN - 1) / scaleX);
      top = atLeast(drawnTop, minY - reachY0 + (MIN_MARGIN - 1) / scale);
      right = atLeast(drawnRight, reachX1 - maxX + (MIN_MARGIN + 0.5) / scaleX);
      bottom = atLeast(drawnBottom, reachY1 - maxY + MIN_MARGIN / scale);
      double nh = Math.max(1, maxY + bottom - (minY - top));
      double nw = maxX + right - (minX - left);
      double ns = outH / nh;
      double nsx = Math.min(ns, MAX_WIDTH / nw);
      boolean settled = ns == scale && nsx == scaleX;
      h = nh;
      w = nw;
      scale = ns;
      scaleX = nsx;
      if (settled) {
        break;
      }
    }
    double x0 = minX - left;
    double y0 = minY - top;
    int outW = (int) Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.round(w * scaleX)));
    double[] crop = {scaleX, 0, -x0 * scaleX, 0, scale, -y0 * scale, 0, 0, 1};
    Homography.preMultiply(crop, c.homography);
    Homography.apply(crop, c.quads, 0, 4 * c.word.text().length());
    c.emOut = (float) (c.fontSize * scale);
    c.prepareOutput(outW, outH);

    // Only the used part of the work canvas crosses into OpenCV, packed row by row.
    int ww = c.workW;
    int wh = c.workH;
    byte[] packed = c.packedWork(ww * wh);
    for (int y = 0; y < wh; y++) {
      System.arraycopy(c.workPixels, y * c.workCapacityW, packed, y * ww, ww);
    }
    c.workMat.create(wh, ww, CvType.CV_8UC1);
    c.workMat.put(0, 0, packed, 0, ww * wh);
    c.homographyMat.put(0, 0, c.homography);
    Imgproc.warpPerspective(c.workMat, c.outMat, c.homographyMat, new Size(outW, outH), Imgproc.INTER_LINEAR,
        org.opencv.core.Core.BORDER_CONSTANT, new Scalar(0));
    c.outMat.get(0, 0, c.textAlpha);
    return StageOutcome.CONTINUE;
  }

  /** The drawn padding if it reaches the floor, else its reflection above the floor. */
  private static double atLeast(double drawn, double floor) {
    return drawn >= floor ? drawn : 2 * floor - drawn;
  }

  /** MJSynth's padding draw in 60 px units (may be negative: {@link #atLeast} folds it). */
  private double pad(RandomGenerator r) {
    return recipe.paddingMean() + recipe.paddingSigma() * r.nextGaussian();
  }
}
