package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.SynthConfig.Recipe.DocumentLook;
import org.jaznet.synth.canvas.Canvas;
import org.jaznet.synth.canvas.Homography;

/**
 * A scanner's skew: with probability {@code skewP}, a rotation about the text's centre by an angle
 * uniform in [-skewMaxDeg, skewMaxDeg]. Pure rotation (a page on a flatbed is not seen in perspective),
 * composed into the pending transform; the quads move with it.
 */
public final class SkewStage implements Stage {
  private final DocumentLook look;

  public SkewStage(DocumentLook look) {
    this.look = look;
  }

  @Override
  public String name() {
    return "skew";
  }

  @Override
  public StageOutcome apply(Canvas c, RandomGenerator r) {
    boolean skew = r.nextDouble() < look.skewP();
    double deg = (2 * r.nextDouble() - 1) * look.skewMaxDeg();
    if (!skew || deg == 0) {
      return StageOutcome.CONTINUE;
    }
    float[] centre = {(c.inkX0 + c.inkX1) / 2f, (c.inkY0 + c.inkY1) / 2f};
    Homography.apply(c.homography, centre, 0, 1);
    double th = Math.toRadians(deg);
    double cos = Math.cos(th);
    double sin = Math.sin(th);
    double cx = centre[0];
    double cy = centre[1];
    // Rotation about (cx, cy): translate to the origin, rotate, translate back.
    double[] t = {cos, -sin, cx - cos * cx + sin * cy, sin, cos, cy - sin * cx - cos * cy, 0, 0, 1};
    Homography.preMultiply(t, c.homography);
    Homography.apply(t, c.quads, 0, 4 * c.word.text().length());
    return StageOutcome.CONTINUE;
  }
}
