package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.canvas.Canvas;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * With probability {@code borderP}, an outset border (the text mask dilated by the border width) or,
 * half of the time, a drop shadow (the dilated mask shifted diagonally by up to width/1.5). Width is
 * N(4, 4) px at 60 px, at least one output pixel. Made by dilating the output-resolution text alpha.
 */
public final class BorderShadowStage implements Stage {
  private static final int[][] SHADOW_DIRS = {{-1, -1}, {-1, 1}, {1, 1}, {1, -1}};
  private final Recipe recipe;

  public BorderShadowStage(Recipe recipe) {
    this.recipe = recipe;
  }

  @Override
  public String name() {
    return "border";
  }

  @Override
  public StageOutcome apply(Canvas c, RandomGenerator r) {
    if (!(r.nextDouble() < recipe.borderP())) {
      c.hasBorder = false;
      return StageOutcome.CONTINUE;
    }
    boolean shadow = r.nextBoolean();
    double w60 = recipe.borderWidthMean() + recipe.borderWidthSigma() * r.nextGaussian();
    int width = (int) Math.max(1, Math.round(w60 * c.emOut / 60.0));
    width = Math.min(width, Math.max(1, c.outH / 8));
    int[] dir = SHADOW_DIRS[r.nextInt(4)];
    int shift = shadow ? 1 + r.nextInt(Math.max(1, (int) Math.round(width / 1.5))) : 0;
    Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * width + 1, 2 * width + 1));
    // outMat still holds the text alpha written by the crop stage.
    Imgproc.dilate(c.outMat, c.auxMat, kernel);
    kernel.release();
    c.auxMat.get(0, 0, c.borderAlpha);
    if (shadow) {
      shiftInPlace(c.borderAlpha, c.outW, c.outH, dir[0] * shift, dir[1] * shift);
    }
    c.hasBorder = true;
    return StageOutcome.CONTINUE;
  }

  /** Moves the image by (dx, dy), filling uncovered pixels with 0. */
  static void shiftInPlace(byte[] a, int w, int h, int dx, int dy) {
    byte[] src = a.clone();
    for (int y = 0; y < h; y++) {
      int sy = y - dy;
      for (int x = 0; x < w; x++) {
        int sx = x - dx;
        a[y * w + x] = sy >= 0 && sy < h && sx >= 0 && sx < w ? src[sy * w + sx] : 0;
      }
    }
  }
}
