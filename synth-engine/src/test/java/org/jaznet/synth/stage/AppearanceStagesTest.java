package org.jaznet.synth.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.canvas.Canvas;
import org.junit.jupiter.api.Test;

/** Border/shadow, colour, blending, compose, noise, JPEG and the chain's redraw rule. */
class AppearanceStagesTest {
  private static final Recipe PLAIN = Recipe.mjsynth().withoutEffects();

  @Test
  void border_always_coversTheTextAndMore() {
    Recipe r = PLAIN.withBorderP(1);
    for (long seed = 0; seed < 6; seed++) {
      Canvas c = StageFixture.runUpTo("Border", r, 4, seed);
      assertThat(c.hasBorder).isTrue();
      int text = 0;
      int border = 0;
      for (int i = 0; i < c.outW * c.outH; i++) {
        text += (c.textAlpha[i] & 0xFF) > 0 ? 1 : 0;
        border += (c.borderAlpha[i] & 0xFF) > 0 ? 1 : 0;
      }
      assertThat(border).isGreaterThan(text);
    }
  }

  @Test
  void border_never_leavesNoBorder() {
    Canvas c = StageFixture.runUpTo("none", PLAIN, 4, 1);
    assertThat(c.hasBorder).isFalse();
  }

  @Test
  void shiftInPlace_oneRight_movesPixelsAndClearsTheEdge() {
    byte[] a = {1, 2, 3, 4, 5, 6};
    BorderShadowStage.shiftInPlace(a, 3, 2, 1, 0);
    assertThat(a).containsExactly(0, 1, 2, 0, 4, 5);
  }

  @Test
  void colour_fallback_givesTextAndBackgroundFarApart() {
    Canvas c = StageFixture.runUpTo("x", PLAIN, 3, 1);
    c.fallbackColours = true;
    ColourStage s = new ColourStage(StageFixture.BACKDROPS);
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 50; i++) {
      s.apply(c, r);
      assertThat(Math.abs(c.textGrey - c.backgroundGrey)).isGreaterThanOrEqualTo(125);
    }
  }

  @Test
  void colour_fromPhotos_staysWithinTheGreyRange() {
    Canvas c = StageFixture.runUpTo("x", PLAIN, 4, 1);
    SplittableRandom r = new SplittableRandom(4);
    for (int i = 0; i < 50; i++) {
      new ColourStage(StageFixture.BACKDROPS).apply(c, r);
      assertThat(c.textGrey).isBetween(0, 255);
      assertThat(c.backgroundGrey).isBetween(0, 255);
    }
  }

  @Test
  void blend_zeroAmountAndNoNoise_keepsTheFlatColour() {
    Canvas c = StageFixture.runUpTo("flat", PLAIN, 5, 2);
    c.backgroundGrey = 77;
    c.textGrey = 200;
    new NaturalBlendStage(StageFixture.BACKDROPS, PLAIN).apply(c, new SplittableRandom(1));
    for (int i = 0; i < c.outW * c.outH; i++) {
      assertThat(c.backgroundLayer[i] & 0xFF).isEqualTo(77);
      assertThat(c.textLayer[i] & 0xFF).isEqualTo(200);
    }
  }

  @Test
  void blend_fullRecipe_addsPhotoTextureToTheBackground() {
    Canvas c = StageFixture.runUpTo("texture", PLAIN, 5, 2);
    c.backgroundGrey = 128;
    Recipe strong = Recipe.mjsynth();
    NaturalBlendStage s = new NaturalBlendStage(StageFixture.BACKDROPS, strong);
    s.apply(c, new SplittableRandom(11));
    assertThat(ComposeStage.contrast(c.backgroundLayer, c.outW * c.outH)).isGreaterThan(2);
  }

  @Test
  void blendMode_knownPixels_matchTheFormulas() {
    assertThat(BlendMode.NORMAL.blend(10, 200)).isEqualTo(200);
    assertThat(BlendMode.ADD.blend(100, 200)).isEqualTo(255);
    assertThat(BlendMode.MULTIPLY.blend(255, 128)).isEqualTo(128);
    assertThat(BlendMode.SCREEN.blend(0, 128)).isEqualTo(128);
    assertThat(BlendMode.MAX.blend(30, 20)).isEqualTo(30);
  }

  @Test
  void compose_textSameGreyAsBackground_asksForRedraw() {
    Canvas c = StageFixture.runUpTo("same", PLAIN, 6, 3);
    java.util.Arrays.fill(c.backgroundLayer, (byte) 120);
    java.util.Arrays.fill(c.textLayer, (byte) 124);
    assertThat(new ComposeStage(PLAIN).apply(c, new SplittableRandom(1))).isEqualTo(StageOutcome.REDRAW);
  }

  @Test
  void compose_darkTextOnLight_continuesAndDrawsTheText() {
    Canvas c = StageFixture.runUpTo("dark", PLAIN, 6, 3);
    java.util.Arrays.fill(c.backgroundLayer, (byte) 230);
    java.util.Arrays.fill(c.textLayer, (byte) 20);
    assertThat(new ComposeStage(PLAIN).apply(c, new SplittableRandom(1))).isEqualTo(StageOutcome.CONTINUE);
    for (int i = 0; i < c.outW * c.outH; i++) {
      if ((c.textAlpha[i] & 0xFF) == 255) {
        assertThat(c.pixels[i] & 0xFF).isEqualTo(20);
      } else if (c.textAlpha[i] == 0) {
        assertThat(c.pixels[i] & 0xFF).isEqualTo(230);
      }
    }
  }

  @Test
  void chain_stageAlwaysRedraws_fallsBackAfterMaxRedrawsAndFinishes() {
    int[] calls = {0};
    Stage colour = new Stage() {
      @Override
      public String name() {
        return "count";
      }

      @Override
      public StageOutcome apply(Canvas c, RandomGenerator r) {
        calls[0]++;
        return StageOutcome.CONTINUE;
      }
    };
    Stage lowContrast = new Stage() {
      @Override
      public String name() {
        return "low";
      }

      @Override
      public StageOutcome apply(Canvas c, RandomGenerator r) {
        return StageOutcome.REDRAW;
      }
    };
    Canvas c = StageFixture.canvas("x");
    int redraws = new StageChain(List.of(colour, lowContrast), 0, 10).run(c, new SplittableRandom(1));
    assertThat(redraws).isEqualTo(11);
    assertThat(calls[0]).isEqualTo(12);
    assertThat(c.fallbackColours).isTrue();
  }

  @Test
  void run_fullRecipe_everySampleKeepsContrast() {
    StageChain chain = StageChain.mjsynth(Recipe.mjsynth(), StageFixture.FONTS, StageFixture.BACKDROPS);
    for (long seed = 0; seed < 30; seed++) {
      Canvas c = StageFixture.canvas("legible");
      chain.run(c, new SplittableRandom(seed));
      assertThat(ComposeStage.contrast(c.grey, c.outW * c.outH)).as("seed %d", seed).isGreaterThan(10);
    }
  }

  @Test
  void noise_zeroSigmas_leavesPixelsUnchanged() {
    Canvas c = StageFixture.runUpTo("quiet", PLAIN, 7, 3);
    byte[] before = c.pixels.clone();
    new NoiseStage(PLAIN).apply(c, new SplittableRandom(1));
    assertThat(c.pixels).containsExactly(before);
  }

  @Test
  void noise_fullRecipe_changesPixels() {
    Canvas c = StageFixture.runUpTo("noisy", PLAIN, 7, 3);
    byte[] before = c.pixels.clone();
    new NoiseStage(Recipe.mjsynth()).apply(c, new SplittableRandom(1));
    assertThat(c.pixels).isNotEqualTo(before);
  }

  @Test
  void jpeg_composedImage_decodesCloseToTheInput() {
    Canvas c = StageFixture.runUpTo("jpeg", PLAIN, 8, 3);
    new JpegStage(PLAIN).apply(c, new SplittableRandom(1));
    assertThat(c.jpeg[0] & 0xFF).isEqualTo(0xFF);
    assertThat(c.jpeg[1] & 0xFF).isEqualTo(0xD8);
    long diff = 0;
    for (int i = 0; i < c.outW * c.outH; i++) {
      diff += Math.abs((c.grey[i] & 0xFF) - (c.pixels[i] & 0xFF));
    }
    assertThat((double) diff / (c.outW * c.outH)).isLessThan(8);
  }
}
