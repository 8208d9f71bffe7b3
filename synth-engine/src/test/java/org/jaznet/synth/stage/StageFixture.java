package org.jaznet.synth.stage;

import java.util.SplittableRandom;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.TestData;
import org.jaznet.synth.canvas.Canvas;
import org.jaznet.synth.colour.BackdropLibrary;
import org.jaznet.synth.font.FontCatalog;
import org.jaznet.synth.text.Word;

/** Loads the test fonts/backgrounds once and runs the first stages of a chain on a canvas. */
final class StageFixture {
  static final FontCatalog FONTS;
  static final BackdropLibrary BACKDROPS;

  static {
    try {
      FONTS = FontCatalog.load(TestData.fonts());
      BACKDROPS = BackdropLibrary.load(TestData.backgrounds());
    } catch (SynthException e) {
      throw new IllegalStateException(e);
    }
  }

  private StageFixture() {}

  static Canvas canvas(String text) {
    Canvas c = new Canvas();
    c.reset(new Word(text, Lexicon.of(java.util.List.of("x")).indexOf(text), false));
    return c;
  }

  /** Runs stages [0, upTo) of the default chain for {@code recipe} on a fresh canvas. */
  static Canvas runUpTo(String text, Recipe recipe, int upTo, long seed) {
    StageChain chain = StageChain.mjsynth(recipe, FONTS, BACKDROPS);
    Canvas c = canvas(text);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < upTo; i++) {
      chain.stages().get(i).apply(c, r);
    }
    return c;
  }

  /** True if (x, y) lies inside quad {@code q} of the canvas grown by {@code tol} pixels. */
  static boolean insideAnyQuad(Canvas c, double x, double y, double tol) {
    int n = c.word.text().length();
    for (int i = 0; i < n; i++) {
      if (insideQuad(c.quads, 8 * i, x, y, tol)) {
        return true;
      }
    }
    return false;
  }

  private static boolean insideQuad(float[] q, int k, double x, double y, double tol) {
    // Convex quad in either winding: the point must be on the same side of all edges (within tol).
    int pos = 0;
    int neg = 0;
    for (int e = 0; e < 4; e++) {
      double x0 = q[k + 2 * e];
      double y0 = q[k + 2 * e + 1];
      double x1 = q[k + 2 * ((e + 1) % 4)];
      double y1 = q[k + 2 * ((e + 1) % 4) + 1];
      double len = Math.hypot(x1 - x0, y1 - y0);
      if (len == 0) {
        continue;
      }
      double cross = ((x1 - x0) * (y - y0) - (y1 - y0) * (x - x0)) / len;
      if (cross > tol) {
        pos++;
      } else if (cross < -tol) {
        neg++;
      }
    }
    return pos == 0 || neg == 0;
  }
}
