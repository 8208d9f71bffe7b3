package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.canvas.Canvas;
import org.jaznet.synth.canvas.Homography;

/**
 * Projective distortion about the text's centre: a rotation of N(0, sigma) degrees (capped) and
 * MJSynth's near-identity homography (a, d ~ N(1, 0.01); b, c ~ N(0, 0.005); g, h ~ N(0, 0.0005) per
 * 60 px pixel). Composed into the canvas's pending transform; the quads move with it.
 */
public final class PerspectiveStage implements Stage {
  private final Recipe recipe;

  public PerspectiveStage(Recipe recipe) {
    this.recipe = recipe;
  }

  @Override
  public String name() {
    return "perspective";
  }

  @Override
  public StageOutcome apply(Canvas c, RandomGenerator r) {
    double deg = r.nextGaussian() * recipe.rotationSigmaDeg();
    deg = Math.max(-recipe.rotationMaxDeg(), Math.min(recipe.rotationMaxDeg(), deg));
    double th = Math.toRadians(deg);
    boolean distort = recipe.rotationSigmaDeg() > 0;
    double a = distort ? 1 + 0.01 * r.nextGaussian() : 1;
    double b = distort ? 0.005 * r.nextGaussian() : 0;
    double cc = distort ? 0.005 * r.nextGaussian() : 0;
    double d = distort ? 1 + 0.01 * r.nextGaussian() : 1;
    // MJSynth's g, h are per pixel of a 60 px font: rescale to this canvas's pixels.
    double k = 60.0 / c.fontSize;
    double g = distort ? 0.0005 * r.nextGaussian() * k : 0;
    double h = distort ? 0.0005 * r.nextGaussian() * k : 0;
    float[] centre = {(c.inkX0 + c.inkX1) / 2f, (c.inkY0 + c.inkY1) / 2f};
    Homography.apply(c.homography, centre, 0, 1);
    double cx = centre[0];
    double cy = centre[1];
    double cos = Math.cos(th);
    double sin = Math.sin(th);
    double[] rot = {cos, -sin, 0, sin, cos, 0, 0, 0, 1};
    double[] persp = {a, b, 0, cc, d, 0, g, h, 1};
    double[] toOrigin = {1, 0, -cx, 0, 1, -cy, 0, 0, 1};
    double[] back = {1, 0, cx, 0, 1, cy, 0, 0, 1};
    double[] m = new double[9];
    double[] t = new double[9];
    Homography.multiply(rot, toOrigin, t);
    Homography.multiply(persp, t, m);
    Homography.multiply(back, m, t);
    Homography.preMultiply(t, c.homography);
    Homography.apply(t, c.quads, 0, 4 * c.word.text().length());
    return StageOutcome.CONTINUE;
  }
}
