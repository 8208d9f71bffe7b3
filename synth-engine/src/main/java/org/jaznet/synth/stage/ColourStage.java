package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.canvas.Canvas;
import org.jaznet.synth.colour.Backdrop;
import org.jaznet.synth.colour.BackdropLibrary;
import org.jaznet.synth.colour.ChromaClusters;
import org.jaznet.synth.colour.GreyClusters;

/**
 * Base colours as MJSynth: a random photo's grey levels clustered by k-means (2 clusters, 3 with a
 * border; precomputed at load time), one colour drawn from N(mean, sigma) of each cluster, assigned to
 * background / text / border in a random order. After too many redraws, legible fallback colours: a
 * light background with dark text or the reverse.
 *
 * <p>For colour output each layer also gets a hue drawn from N(mean, sigma) of its cluster's hues in
 * the same photo ({@link org.jaznet.synth.colour.ChromaClusters}), with the canvas's colour generator:
 * the grey draws are those of a grey sample. Fallback colours have no hue.
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
      java.util.Arrays.fill(c.backgroundChroma, 0);
      java.util.Arrays.fill(c.textChroma, 0);
      java.util.Arrays.fill(c.borderChroma, 0);
      return StageOutcome.CONTINUE;
    }
    int bi = r.nextInt(backdrops.size());
    Backdrop b = backdrops.get(bi);
    GreyClusters k = c.hasBorder ? b.three() : b.two();
    int n = k.k();
    int[] colours = new int[n];
    int[] cluster = new int[n];
    for (int i = 0; i < n; i++) {
      colours[i] = clamp(k.mean(i) + k.sigma(i) * r.nextGaussian());
      cluster[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = colours[i];
      colours[i] = colours[j];
      colours[j] = t;
      t = cluster[i];
      cluster[i] = cluster[j];
      cluster[j] = t;
    }
    c.backgroundGrey = colours[0];
    c.textGrey = colours[1];
    c.borderGrey = n > 2 ? colours[2] : colours[0];
    if (c.colour) {
      ChromaClusters hues = backdrops.hues(bi, n);
      Chroma.draw(hues, cluster[0], c.colourRandom, c.backgroundChroma);
      Chroma.draw(hues, cluster[1], c.colourRandom, c.textChroma);
      if (n > 2) {
        Chroma.draw(hues, cluster[2], c.colourRandom, c.borderChroma);
      } else {
        System.arraycopy(c.backgroundChroma, 0, c.borderChroma, 0, 3);
      }
    }
    return StageOutcome.CONTINUE;
  }

  static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
