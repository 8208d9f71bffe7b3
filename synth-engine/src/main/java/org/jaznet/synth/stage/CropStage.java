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
 * Crops around the (distorted) ink bounds grown by N(15, 10) px per side at 60 px (never negative),
 * scales to the output height with the width by aspect ratio, and resamples the text mask once through
 * the whole pending transform, straight from the work canvas to the output size.
 */
public final class CropStage implements Stage {
  /** Output widths are clamped to this range. */
  static final int MIN_WIDTH = 4;
  static final int MAX_WIDTH = 2048;

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
    double k = c.fontSize / 60.0;
    double left = pad(r) * k;
    double top = pad(r) * k;
    double right = pad(r) * k;
    double bottom = pad(r) * k;
    double x0 = minX - left;
    double y0 = minY - top;
    double w = maxX + right - x0;
    double h = Math.max(1, maxY + bottom - y0);
    int outH = recipe.outputHeight();
    double scale = outH / h;
    int outW = (int) Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.round(w * scale)));
    double[] crop = {scale, 0, -x0 * scale, 0, scale, -y0 * scale, 0, 0, 1};
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

  private double pad(RandomGenerator r) {
    return Math.max(0, recipe.paddingMean() + recipe.paddingSigma() * r.nextGaussian());
  }
}
