package org.jaznet.synth.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.SynthConfig.Recipe.DocumentLook;
import org.jaznet.synth.canvas.Canvas;
import org.junit.jupiter.api.Test;

/** The document chain's own stages: skew, paper and ink, scanner distortions. */
class DocumentStagesTest {
  private static final DocumentLook CLEAN = DocumentLook.defaults().withoutEffects();

  /** Runs stages [0, upTo) of the document chain for {@code look}. */
  private static Canvas runUpTo(String text, DocumentLook look, int upTo, long seed) {
    StageChain chain = StageChain.document(Recipe.document().withDocumentLook(look), StageFixture.FONTS);
    Canvas c = StageFixture.canvas(text);
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < upTo; i++) {
      chain.stages().get(i).apply(c, r);
    }
    return c;
  }

  @Test
  void document_chain_namesItsStagesInOrder() {
    StageChain chain = StageChain.document(Recipe.document(), StageFixture.FONTS);
    assertThat(chain.stages().stream().map(Stage::name)).containsExactly("text", "skew", "crop", "paper", "scan",
        "png");
  }

  @Test
  void skew_always_rotatesByAtMostTheMaximumWithoutPerspective() {
    DocumentLook skewed = new DocumentLook(205, 250, 70, 1, 3, 0, 6, 0, 0, 0.8, 0, 0.5, 0, 0.45, 0.65, 0, 0, 0.35, 0.7);
    double largest = 0;
    for (long seed = 0; seed < 60; seed++) {
      Canvas c = runUpTo("levelled", skewed, 2, seed);
      // top-left -> top-right of the first character
      double deg = Math.toDegrees(Math.atan2(c.quads[3] - c.quads[1], c.quads[2] - c.quads[0]));
      assertThat(Math.abs(deg)).as("seed %d", seed).isLessThanOrEqualTo(3.0 + 1e-6);
      assertThat(c.homography[6]).isZero();
      assertThat(c.homography[7]).isZero();
      largest = Math.max(largest, Math.abs(deg));
    }
    assertThat(largest).isGreaterThan(2);
  }

  @Test
  void paper_clean_darkInkOnLightPaper() {
    for (long seed = 0; seed < 20; seed++) {
      Canvas c = runUpTo("Paper", CLEAN, 4, seed);
      for (int i = 0; i < c.outW * c.outH; i++) {
        int a = c.textAlpha[i] & 0xFF;
        int v = c.pixels[i] & 0xFF;
        if (a == 0) {
          assertThat(v).as("seed %d paper", seed).isBetween(205 - DocumentLook.PAPER_SLOPE, 250 + DocumentLook.PAPER_SLOPE);
        } else if (a == 255) {
          assertThat(v).as("seed %d ink", seed).isBetween(0, 70);
        }
      }
    }
  }

  @Test
  void scan_thresholdThatWouldEraseTheWord_leavesTheImageGrey() {
    Canvas c = runUpTo("erased", CLEAN, 4, 3);
    // Ink the mask claims but the pixels do not show: a 1-bit image would have no black ink at all.
    java.util.Arrays.fill(c.pixels, 0, c.outW * c.outH, (byte) 220);
    c.pixels[0] = 10;
    byte[] before = c.pixels.clone();
    new ScanStage(Recipe.document(), CLEAN.withBinariseP(1)).apply(c, new SplittableRandom(1));
    assertThat(c.pixels).containsExactly(before);
  }

  @Test
  void scan_binariseAlways_onlyBlackAndWhiteWithTheInkBlack() {
    for (long seed = 0; seed < 20; seed++) {
      Canvas c = runUpTo("Binary", DocumentLook.defaults().withFaxP(0).withBinariseP(1), 5, seed);
      int core = 0;
      int coreBlack = 0;
      for (int i = 0; i < c.outW * c.outH; i++) {
        int v = c.pixels[i] & 0xFF;
        assertThat(v == 0 || v == 255).as("seed %d pixel %d = %d", seed, i, v).isTrue();
        if ((c.textAlpha[i] & 0xFF) >= 200) {
          core++;
          coreBlack += v == 0 ? 1 : 0;
        }
      }
      assertThat(coreBlack).as("seed %d", seed).isGreaterThanOrEqualTo((int) (ScanStage.MIN_INK_KEPT * core));
    }
  }

  /** A low-resolution scan blurs the strokes (fewer extreme grey levels), deterministically, and only when asked. */
  @Test
  void scan_lowResolution_softensTheEdgesAndLeavesOtherLooksAlone() {
    DocumentLook low = CLEAN.withLowResP(1);
    int softer = 0;
    for (long seed = 0; seed < 10; seed++) {
      Canvas a = runUpTo("Lowres", CLEAN, 5, seed);
      Canvas b = runUpTo("Lowres", low, 5, seed);
      Canvas again = runUpTo("Lowres", low, 5, seed);
      assertThat(again.pixels).as("seed %d: same seed, same bytes", seed).containsExactly(b.pixels);
      softer += edges(b) < edges(a) ? 1 : 0;
    }
    assertThat(softer).as("images whose edges softened").isEqualTo(10);
  }

  /** Sum of absolute horizontal differences: how sharp the strokes are. */
  private static long edges(Canvas c) {
    long sum = 0;
    for (int y = 0; y < c.outH; y++) {
      for (int x = 1; x < c.outW; x++) {
        sum += Math.abs((c.pixels[y * c.outW + x] & 0xFF) - (c.pixels[y * c.outW + x - 1] & 0xFF));
      }
    }
    return sum;
  }
}
