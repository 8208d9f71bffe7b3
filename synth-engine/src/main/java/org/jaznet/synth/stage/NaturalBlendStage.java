package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.canvas.Canvas;
import org.jaznet.synth.colour.Backdrop;
import org.jaznet.synth.colour.BackdropLibrary;

/**
 * Fills each layer (background, text, border) with its base colour blended with a random crop of a
 * natural photograph: a random {@link BlendMode}, amount |N(0, blendSigma)|; then per-layer Gaussian
 * noise. Crops come from the pre-decoded grey arrays (wrapping around if the image is wider).
 */
public final class NaturalBlendStage implements Stage {
  private static final BlendMode[] MODES = BlendMode.values();
  private final BackdropLibrary backdrops;
  private final Recipe recipe;
  private final int[] layerNoise;

  public NaturalBlendStage(BackdropLibrary backdrops, Recipe recipe) {
    this.backdrops = backdrops;
    this.recipe = recipe;
    this.layerNoise = recipe.layerNoiseSigma() > 0 ? Gaussians.scaledTable(recipe.layerNoiseSigma()) : null;
  }

  @Override
  public String name() {
    return "blend";
  }

  @Override
  public StageOutcome apply(Canvas c, RandomGenerator r) {
    fill(c, c.backgroundLayer, c.backgroundGrey, r);
    fill(c, c.textLayer, c.textGrey, r);
    if (c.hasBorder) {
      fill(c, c.borderLayer, c.borderGrey, r);
    }
    return StageOutcome.CONTINUE;
  }

  private void fill(Canvas c, byte[] layer, int colour, RandomGenerator r) {
    int w = c.outW;
    int h = c.outH;
    int n = w * h;
    double amount = Math.min(1, Math.abs(r.nextGaussian() * recipe.blendSigma()));
    BlendMode mode = MODES[r.nextInt(MODES.length)];
    Backdrop b = backdrops.get(r.nextInt(backdrops.size()));
    int ox = r.nextInt(b.width());
    int oy = r.nextInt(Math.max(1, b.height() - h + 1));
    if (amount < 1e-3) {
      java.util.Arrays.fill(layer, 0, n, (byte) colour);
    } else {
      int a = (int) Math.round(amount * 256);
      // The blend depends only on the photo pixel once colour, mode and amount are fixed: a table.
      byte[] lut = new byte[256];
      for (int p = 0; p < 256; p++) {
        lut[p] = (byte) (colour + (((mode.blend(colour, p) - colour) * a) >> 8));
      }
      byte[] src = b.grey();
      int bw = b.width();
      int bh = b.height();
      for (int y = 0; y < h; y++) {
        int row = ((oy + y) % bh) * bw;
        int x = 0;
        int sx = ox;
        while (x < w) {
          int run = Math.min(w - x, bw - sx);
          int o = y * w + x;
          int from = row + sx;
          for (int i = 0; i < run; i++) {
            layer[o + i] = lut[src[from + i] & 0xFF];
          }
          x += run;
          sx = 0;
        }
      }
    }
    if (layerNoise != null) {
      Gaussians.addNoise(layer, n, layerNoise, r);
    }
  }
}
