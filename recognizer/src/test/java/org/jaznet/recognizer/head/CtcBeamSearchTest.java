package org.jaznet.recognizer.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CtcBeamSearchTest {
  @Test
  void search_noLm_wideBeam_topIsGreedyAndScoreBoundsCtcLikelihoodFromBelow() {
    Random rnd = new Random(11);
    for (String word : List.of("hello", "aa", "book", "x", "2024")) {
      float[] x = CtcTest.logits(CtcTest.path(word), 6);
      for (int k = 0; k < x.length; k++) {
        x[k] += (float) rnd.nextGaussian();
      }
      double[] lp = CtcCodec.logSoftmax(x, 0);
      List<CtcBeamSearch.Hypothesis> hs = CtcBeamSearch.search(lp, null, 1.0, 0, 0, 64, 5);
      assertThat(hs.get(0).text()).isEqualTo(CtcCodec.decode(lp)).isEqualTo(word);
      for (CtcBeamSearch.Hypothesis h : hs) {
        // the search sums the alignments it kept (pruned symbols and prefixes are lost): a lower bound, close
        double exact = CtcCodec.logLikelihood(lp, CtcCodec.codes(h.text()));
        assertThat(h.score()).as(h.text()).isLessThanOrEqualTo(exact + 1e-9);
        if (h == hs.get(0)) {
          assertThat(h.score()).as(h.text()).isGreaterThan(exact - 0.05);
        }
      }
      for (int i = 1; i < hs.size(); i++) {
        assertThat(hs.get(i).score()).isLessThanOrEqualTo(hs.get(i - 1).score());
      }
    }
  }

  @Test
  void search_repeatedLetters_needABlankBetween() {
    int b = CtcCodec.BLANK;
    int a = CharCodec.code('a');
    int[] merged = new int[CtcCodec.STEPS];
    java.util.Arrays.fill(merged, b);
    merged[0] = a;
    merged[1] = a;
    int[] split = merged.clone();
    split[1] = b;
    split[2] = a;
    assertThat(CtcBeamSearch.search(CtcCodec.logSoftmax(CtcTest.logits(merged, 12), 0), null, 1, 0, 0, 8, 1)
        .get(0).text()).isEqualTo("a");
    assertThat(CtcBeamSearch.search(CtcCodec.logSoftmax(CtcTest.logits(split, 12), 0), null, 1, 0, 0, 8, 1)
        .get(0).text()).isEqualTo("aa");
  }

  @Test
  void search_withLm_ambiguousLetterResolvedTowardsDictionaryWord() {
    // c, then 'o' slightly above 'a', then t: the image alone says "cot"
    float[] x = CtcTest.logits(CtcTest.path("cot"), 8);
    int stepO = 2;
    x[CharCodec.code('o') * CtcCodec.STEPS + stepO] = 4.2f;
    x[CharCodec.code('a') * CtcCodec.STEPS + stepO] = 4.0f;
    x[CharCodec.code('o') * CtcCodec.STEPS + stepO + 1] = 4.2f;
    x[CharCodec.code('a') * CtcCodec.STEPS + stepO + 1] = 4.0f;
    double[] lp = CtcCodec.logSoftmax(x, 0);
    assertThat(CtcBeamSearch.search(lp, null, 1, 0, 0, 8, 1).get(0).text()).isEqualTo("cot");
    CharLm lm = CharLm.of(List.of("cat", "cats", "scat", "catalog", "bat", "hat", "at", "chat"), 4);
    List<CtcBeamSearch.Hypothesis> hs = CtcBeamSearch.search(lp, lm, 1, 1.0, 0, 8, 3);
    assertThat(hs.get(0).text()).isEqualTo("cat");
    assertThat(hs.get(0).score()).isGreaterThanOrEqualTo(hs.get(1).score());
    // a weak LM keeps the image's reading
    assertThat(CtcBeamSearch.search(lp, lm, 1, 0.01, 0, 8, 1).get(0).text()).isEqualTo("cot");
  }

  @Test
  void search_badArguments_rejected() {
    double[] lp = CtcCodec.logSoftmax(new float[CtcCodec.WIDTH], 0);
    assertThatThrownBy(() -> CtcBeamSearch.search(lp, null, 1, 0, 0, 0, 1)).hasMessageContaining("beam width");
    assertThatThrownBy(() -> CtcBeamSearch.search(lp, null, 1, 0.5, 0, 4, 1)).hasMessageContaining("language model");
  }
}
