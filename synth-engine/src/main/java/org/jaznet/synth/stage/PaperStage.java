package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.SynthConfig.Recipe.DocumentLook;
import org.jaznet.synth.canvas.Canvas;

/**
 * Clean print: paper grey uniform in [paperMin, paperMax] with a gentle illumination slope across the
 * word, ink grey uniform in [0, inkMax], laid by the text mask. For colour output, little colour: paper
 * from white to a faint cream, ink black (70 %), blue (20 %) or brown-red (10 %), drawn with the
 * canvas's colour generator.
 */
public final class PaperStage implements Stage {
  private static final float[] CREAM = {6, 2, -12};
  private static final float[] BLUE_INK = {-16, -8, 42};
  private static final float[] RED_INK = {30, -8, -14};

  private final DocumentLook look;

  public PaperStage(DocumentLook look) {
    this.look = look;
  }

  @Override
  public String name() {
    return "paper";
  }

  @Override
  public StageOutcome apply(Canvas c, RandomGenerator r) {
    int paper = look.paperMin() + r.nextInt(look.paperMax() - look.paperMin() + 1);
    int ink = r.nextInt(look.inkMax() + 1);
    double slope = (2 * r.nextDouble() - 1) * DocumentLook.PAPER_SLOPE;
    int w = c.outW;
    int h = c.outH;
    byte[] out = c.pixels;
    byte[] ta = c.textAlpha;
    for (int x = 0; x < w; x++) {
      int p = Math.max(0, Math.min(255, (int) Math.round(paper + slope * (x / (double) Math.max(1, w - 1) - 0.5))));
      for (int y = 0; y < h; y++) {
        int i = y * w + x;
        int a = ta[i] & 0xFF;
        out[i] = (byte) (p + (((ink - p) * a * 257 + 32896) >> 16));
      }
    }
    c.backgroundGrey = paper;
    c.textGrey = ink;
    if (c.colour) {
      RandomGenerator cr = c.colourRandom;
      float[] paperHue = scaled(CREAM, (float) cr.nextDouble());
      double kind = cr.nextDouble();
      float strength = (float) (0.5 + 0.5 * cr.nextDouble());
      float[] inkHue = kind < 0.7 ? new float[3] : scaled(kind < 0.9 ? BLUE_INK : RED_INK, strength);
      Chroma.zeroLuma(paperHue);
      Chroma.zeroLuma(inkHue);
      Chroma.composeTwo(c, paperHue, inkHue);
    }
    return StageOutcome.CONTINUE;
  }

  private static float[] scaled(float[] v, float s) {
    return new float[] {v[0] * s, v[1] * s, v[2] * s};
  }
}
