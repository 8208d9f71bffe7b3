package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.canvas.Canvas;

/**
 * Composes background, border and text layers by their alpha masks, then checks contrast: the image's
 * pixel standard deviation must reach {@code minContrast} (MJSynth's test) and the mean grey of the text
 * must differ from that of its surround (the border if there is one, else the background) by
 * {@code minTextContrast}, so the word stays legible;
 * otherwise it asks for a redraw. For colour output, the layers' hues are laid out by the same masks.
 */
public final class ComposeStage implements Stage {
  private final Recipe recipe;

  public ComposeStage(Recipe recipe) {
    this.recipe = recipe;
  }

  @Override
  public String name() {
    return "compose";
  }

  @Override
  public StageOutcome apply(Canvas c, RandomGenerator r) {
    int n = c.outW * c.outH;
    byte[] out = c.pixels;
    byte[] ta = c.textAlpha;
    byte[] tl = c.textLayer;
    byte[] bg = c.backgroundLayer;
    long sum = 0;
    long sumSq = 0;
    long inkSum = 0;
    long inkN = 0;
    long restSum = 0;
    long restN = 0;
    boolean border = c.hasBorder;
    byte[] ba = c.borderAlpha;
    byte[] bl = c.borderLayer;
    for (int i = 0; i < n; i++) {
      int v = bg[i] & 0xFF;
      if (border) {
        int a = ba[i] & 0xFF;
        v += (((bl[i] & 0xFF) - v) * a * 257 + 32896) >> 16;
      }
      int a = ta[i] & 0xFF;
      v += (((tl[i] & 0xFF) - v) * a * 257 + 32896) >> 16;
      out[i] = (byte) v;
      sum += v;
      sumSq += v * v;
      if (a >= 160) {
        inkSum += v;
        inkN++;
      } else if (a == 0 && (!border || (ba[i] & 0xFF) >= 160)) {
        restSum += v;
        restN++;
      }
    }
    double mean = (double) sum / n;
    double std = Math.sqrt(Math.max(0, (double) sumSq / n - mean * mean));
    if (std < recipe.minContrast()) {
      return StageOutcome.REDRAW;
    }
    if (inkN > 0 && restN > 0) {
      double gap = Math.abs((double) inkSum / inkN - (double) restSum / restN);
      if (gap < recipe.minTextContrast()) {
        return StageOutcome.REDRAW;
      }
    }
    if (c.colour) {
      Chroma.compose(c);
    }
    return StageOutcome.CONTINUE;
  }

  /** Pixel standard deviation of {@code px[0..n)}. */
  public static double contrast(byte[] px, int n) {
    double s = 0;
    double s2 = 0;
    for (int i = 0; i < n; i++) {
      int v = px[i] & 0xFF;
      s += v;
      s2 += (double) v * v;
    }
    double m = s / n;
    return Math.sqrt(Math.max(0, s2 / n - m * m));
  }
}
