package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.canvas.Canvas;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Global distortions: Gaussian noise, Gaussian blur of sigma |N(0, blurSigma)| (skipped below 0.3)
 * and, with probability {@code resampleP}, downsampling to a height of 40-90 % and back. Blur and
 * resampling act on the hues of a colour image too; the noise is luma noise.
 */
public final class NoiseStage implements Stage {
  private final Recipe recipe;
  private final int[] noise;

  public NoiseStage(Recipe recipe) {
    this.recipe = recipe;
    this.noise = recipe.noiseSigma() > 0 ? Gaussians.scaledTable(recipe.noiseSigma()) : null;
  }

  @Override
  public String name() {
    return "noise";
  }

  @Override
  public StageOutcome apply(Canvas c, RandomGenerator r) {
    int n = c.outW * c.outH;
    if (noise != null) {
      Gaussians.addNoise(c.pixels, n, noise, r);
    }
    double sigma = Math.abs(r.nextGaussian() * recipe.blurSigma());
    boolean resample = r.nextDouble() < recipe.resampleP();
    double factor = 0.4 + 0.5 * r.nextDouble();
    if (sigma < 0.3 && !resample) {
      return StageOutcome.CONTINUE;
    }
    c.outMat.create(c.outH, c.outW, org.opencv.core.CvType.CV_8UC1);
    c.outMat.put(0, 0, c.pixels);
    if (sigma >= 0.3) {
      Imgproc.GaussianBlur(c.outMat, c.outMat, new Size(0, 0), sigma);
      if (c.hasChroma) {
        Chroma.blur(c, sigma);
      }
    }
    if (resample) {
      int h = Math.max(4, (int) Math.round(c.outH * factor));
      int w = Math.max(2, (int) Math.round(c.outW * factor));
      Imgproc.resize(c.outMat, c.auxMat, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
      Imgproc.resize(c.auxMat, c.outMat, new Size(c.outW, c.outH), 0, 0, Imgproc.INTER_LINEAR);
      if (c.hasChroma) {
        Chroma.resample(c, w, h);
      }
    }
    c.outMat.get(0, 0, c.pixels);
    return StageOutcome.CONTINUE;
  }
}
