package org.jaznet.synth.stage;

import static org.assertj.core.api.Assertions.assertThat;

import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.canvas.Canvas;
import org.jaznet.synth.canvas.Homography;
import org.junit.jupiter.api.Test;

/** The text, perspective and crop stages: the mask and the quads must describe the same pixels. */
class GeometryStagesTest {
  private static final Recipe PLAIN = Recipe.mjsynth().withoutEffects();

  @Test
  void renderText_plainWord_drawsInkInsideTheQuads() {
    Canvas c = StageFixture.runUpTo("Hamburg", PLAIN, 1, 1);
    assertThat(c.inkX1).isGreaterThan(c.inkX0);
    int outside = 0;
    int ink = 0;
    for (int y = 0; y < c.workH; y++) {
      for (int x = 0; x < c.workW; x++) {
        if ((c.workPixels[y * c.workCapacityW + x] & 0xFF) > 64) {
          ink++;
          outside += StageFixture.insideAnyQuad(c, x + 0.5, y + 0.5, 1.0) ? 0 : 1;
        }
      }
    }
    assertThat(ink).isGreaterThan(100);
    assertThat(outside).isZero();
  }

  @Test
  void renderText_quads_followReadingOrderLeftToRight() {
    Canvas c = StageFixture.runUpTo("abcdef", PLAIN, 1, 2);
    for (int i = 1; i < 6; i++) {
      assertThat(c.quads[8 * i]).isGreaterThan(c.quads[8 * (i - 1)]);
    }
  }

  @Test
  void renderText_underlineAlways_addsInkBelowTheBaseline() {
    Canvas plain = StageFixture.runUpTo("ace", PLAIN, 1, 3);
    Canvas underlined = StageFixture.runUpTo("ace", PLAIN.withUnderlineP(1), 1, 3);
    assertThat(underlined.inkY1).isGreaterThan(plain.inkY1);
  }

  @Test
  void perspective_effectsOn_movesQuadsExactlyAsTheHomography() {
    Recipe r = Recipe.mjsynth().withCurveP(0);
    Canvas c = StageFixture.runUpTo("perspective", r, 1, 4);
    float[] before = c.quads.clone();
    new PerspectiveStage(r).apply(c, new java.util.SplittableRandom(5));
    float[] expected = before.clone();
    Homography.apply(c.homography, expected, 0, 4 * 11);
    for (int i = 0; i < 8 * 11; i++) {
      assertThat(c.quads[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-3f));
    }
    assertThat(c.homography).isNotEqualTo(Homography.identity());
  }

  @Test
  void perspective_noRotation_leavesTheTransformIdentity() {
    Canvas c = StageFixture.runUpTo("flat", PLAIN, 2, 6);
    assertThat(c.homography).containsExactly(Homography.identity());
  }

  @Test
  void crop_fullRecipe_outputIs32HighAndTheMaskLiesInsideTheBoxes() {
    Recipe r = Recipe.mjsynth().withUnderlineP(0);
    for (long seed = 0; seed < 20; seed++) {
      Canvas c = StageFixture.runUpTo(seed % 2 == 0 ? "Distortion" : "curvy42", r, 3, seed);
      assertThat(c.outH).isEqualTo(32);
      assertThat(c.outW).isBetween(CropStage.MIN_WIDTH, CropStage.MAX_WIDTH);
      int ink = 0;
      for (int y = 0; y < c.outH; y++) {
        for (int x = 0; x < c.outW; x++) {
          if ((c.textAlpha[y * c.outW + x] & 0xFF) > 128) {
            ink++;
            assertThat(StageFixture.insideAnyQuad(c, x + 0.5, y + 0.5, 1.0))
                .as("seed %d pixel (%d,%d) inside a char box", seed, x, y).isTrue();
          }
        }
      }
      assertThat(ink).as("seed %d has ink", seed).isGreaterThan(20);
    }
  }

  @Test
  void crop_plainRecipe_inkTouchesNeitherMarginWhenPaddingIsPositive() {
    Canvas c = StageFixture.runUpTo("margin", PLAIN, 3, 7);
    int minX = Integer.MAX_VALUE;
    int maxX = -1;
    for (int y = 0; y < c.outH; y++) {
      for (int x = 0; x < c.outW; x++) {
        if ((c.textAlpha[y * c.outW + x] & 0xFF) > 128) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
        }
      }
    }
    assertThat(minX).isGreaterThanOrEqualTo(0);
    assertThat(maxX).isLessThan(c.outW);
    assertThat(maxX - minX).isGreaterThan(c.outW / 3);
  }

  @Test
  void crop_fullRecipe_noInkOnAnyBorderPixel() {
    String[] words = {"Jygq", "HELLO", "quirky", "Wij", "f", "Mississippi", "pq7"};
    Recipe[] recipes = {Recipe.mjsynth(), Recipe.mjsynth().withCurveP(1), Recipe.mjsynth().withUnderlineP(1)};
    int samples = 0;
    for (Recipe recipe : recipes) {
      for (long seed = 0; seed < 150; seed++) {
        Canvas c = StageFixture.runUpTo(words[(int) (seed % words.length)], recipe, 3, seed);
        assertThat(borderInk(c)).as("seed %d '%s': ink on a border pixel", seed, c.word.text()).isZero();
        samples++;
      }
    }
    assertThat(samples).isEqualTo(450);
  }

  @Test
  void crop_zeroPadding_stillKeepsAClearMargin() {
    Recipe tight = new Recipe(32, 22, 34, 0.5, 0.2, 0, 0.2, 20, 0.2, 0.1, 0, 4, 4, 5, 10, 0, 0, 0, 0, 0, 0, 0, 20,
        28, 10, 80, 10, 0, 80, 10);
    for (long seed = 0; seed < 40; seed++) {
      Canvas c = StageFixture.runUpTo("Jygq", tight, 3, seed);
      assertThat(borderInk(c)).as("seed %d", seed).isZero();
      assertThat(c.outW).as("seed %d width", seed).isLessThan(4 * c.outH);
    }
  }

  /** Border pixels of the output text mask with any coverage. */
  private static int borderInk(Canvas c) {
    int n = 0;
    for (int y = 0; y < c.outH; y++) {
      n += (c.textAlpha[y * c.outW] != 0 ? 1 : 0) + (c.textAlpha[y * c.outW + c.outW - 1] != 0 ? 1 : 0);
    }
    for (int x = 0; x < c.outW; x++) {
      n += (c.textAlpha[x] != 0 ? 1 : 0) + (c.textAlpha[(c.outH - 1) * c.outW + x] != 0 ? 1 : 0);
    }
    return n;
  }
}
