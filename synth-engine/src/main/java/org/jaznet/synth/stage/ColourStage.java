package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.canvas.Canvas;
import org.jaznet.synth.colour.Backdrop;
import org.jaznet.synth.colour.BackdropLibrary;
import org.jaznet.synth.colour.GreyClusters;

/**
 * Base colours as MJSynth: a random photo's grey levels clustered by k-means (2 clusters, 3 with a
 * border; precomputed at load time), one colour drawn from N(mean, sigma) of each cluster, assigned to
 * background / text / border in a random order. After too many redraws, legible fallback colours: a
 * light background with dark text or the reverse.
 */
public final class ColourStage implements Stage {
  private final BackdropLibrary backdrops;

  public ColourStage(BackdropLibrary backdrops) {
    this.backdrops = backdrops;
  }

  @Override
  public String name() {
    return "colour";
  }

  @Override
  public StageOutcome apply(Canvas c, RandomGenerator r) {
    if (c.fallbackColours) {
      boolean darkText = r.nextBoolean();
      int light = 190 + r.nextInt(66);
      int dark = r.nextInt(66);
      c.backgroundGrey = darkText ? light : dark;
      c.textGrey = darkText ? dark : light;
      c.borderGrey = 128;
      return StageOutcome.CONTINUE;
    }
    Backdrop b = backdrops.get(r.nextInt(backdrops.size()));
    GreyClusters k = c.hasBorder ? b.three() : b.two();
    int n = k.k();
    int[] colours = new int[n];
    for (int i = 0; i < n; i++) {
      colours[i] = clamp(k.mean(i) + k.sigma(i) * r.nextGaussian());
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = colours[i];
      colours[i] = colours[j];
      colours[j] = t;
    }
    c.backgroundGrey = colours[0];
    c.textGrey = colours[1];
    c.borderGrey = n > 2 ? colours[2] : colours[0];
    return StageOutcome.CONTINUE;
  }

  static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
