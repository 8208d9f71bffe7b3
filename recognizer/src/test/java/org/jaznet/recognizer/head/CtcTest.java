package org.jaznet.recognizer.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.Recognition;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.ModelSpec;
import org.jaznet.recognizer.model.Optimiser;
import org.junit.jupiter.api.Test;

class CtcTest {
  /** Logits [37 * 25] (symbol * 25 + step) that put {@code strength} on one symbol per step. */
  static float[] logits(int[] path, float strength) {
    float[] x = new float[CtcCodec.WIDTH];
    for (int t = 0; t < CtcCodec.STEPS; t++) {
      x[path[t] * CtcCodec.STEPS + t] = strength;
    }
    return x;
  }

  /** A best path spelling {@code word}: each letter twice, blanks between repeated letters, blanks after. */
  static int[] path(String word) {
    int[] p = new int[CtcCodec.STEPS];
    java.util.Arrays.fill(p, CtcCodec.BLANK);
    int t = 0;
    char prev = 0;
    for (char c : word.toCharArray()) {
      if (c == prev) {
        p[t++] = CtcCodec.BLANK;
      }
      p[t++] = CharCodec.code(c);
      p[t++] = CharCodec.code(c);
      prev = c;
    }
    return p;
  }

  static float[] randomLogits(Random rnd) {
    float[] x = new float[CtcCodec.WIDTH];
    for (int k = 0; k < x.length; k++) {
      x[k] = (float) (rnd.nextGaussian() * 3);
    }
    return x;
  }

  @Test
  void greedyDecodingMergesRepeatsAndDropsBlanks() {
    double[] lp = CtcCodec.logSoftmax(logits(path("hello"), 10), 0);
    assertThat(CtcCodec.decode(lp)).isEqualTo("hello");
    assertThat(CtcCodec.logLikelihood(lp, CtcCodec.codes("hello"))).isGreaterThan(Math.log(0.5));
    assertThat(CtcCodec.logLikelihood(lp, CtcCodec.codes("helo"))).isLessThan(Math.log(1e-3));
  }

  @Test
  void decodeWithin_digitsReadsTheNumberTheBestPathMixesWithLetters() {
    float[] x = logits(path("3o"), 10);
    int o = CharCodec.code('o');
    for (int t = 0; t < CtcCodec.STEPS; t++) {
      if (x[o * CtcCodec.STEPS + t] > 0) {
        x[CharCodec.code('0') * CtcCodec.STEPS + t] = 8; // the look-alike digit, second at those steps
      }
    }
    double[] lp = CtcCodec.logSoftmax(x, 0);
    assertThat(CtcCodec.decode(lp)).isEqualTo("3o");
    assertThat(CtcCodec.decodeWithin(lp, 0, 10)).isEqualTo("30");
    assertThat(CtcCodec.decodeWithin(lp, 0, CtcCodec.BLANK)).isEqualTo("3o");
  }

  @Test
  void decodeWithin_allBlankGivesTheLikeliestSingleSymbolOfTheRange() {
    float[] x = logits(path(""), 10);
    x[CharCodec.code('r') * CtcCodec.STEPS + 12] = 7;
    x[CharCodec.code('7') * CtcCodec.STEPS + 3] = 5;
    double[] lp = CtcCodec.logSoftmax(x, 0);
    assertThat(CtcCodec.decode(lp)).isEmpty();
    assertThat(CtcCodec.decodeWithin(lp, 0, CtcCodec.BLANK)).isEqualTo("r");
    assertThat(CtcCodec.decodeWithin(lp, 0, 10)).isEqualTo("7");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CtcCodec.decodeWithin(lp, 0, CtcCodec.SYMBOLS))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("symbol range");
  }

  @Test
  void targetsHoldTheCodesThenBlanks() {
    float[] t = CtcCodec.INSTANCE.targets(List.of("Ab-1")).dup('c').data().asFloat();
    int[] expect = {10, 11, 1};
    for (int step = 0; step < CtcCodec.STEPS; step++) {
      int want = step < expect.length ? expect[step] : CtcCodec.BLANK;
      for (int c = 0; c < CtcCodec.SYMBOLS; c++) {
        assertThat(t[c * CtcCodec.STEPS + step]).isEqualTo(c == want ? 1f : 0f);
      }
    }
  }

  @Test
  void aWordLongerThanTheStepsAllowCannotBeAligned() {
    double[] lp = CtcCodec.logSoftmax(randomLogits(new Random(1)), 0);
    // 13 equal letters need 13 + 12 blanks = 25 steps: just fits; 14 need 27
    assertThat(CtcCodec.logLikelihood(lp, CtcCodec.codes("a".repeat(13)))).isFinite();
    assertThat(CtcCodec.logLikelihood(lp, CtcCodec.codes("a".repeat(14)))).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void uniformStepsGiveTheCountedPathProbability() {
    // Every step uniform: p(label) = (number of alignments) / 37^25. "a" aligns as blanks, a run of
    // 'a' (any start, any length), blanks: 25 + 24 + ... + 1 = 325 alignments; "" has exactly one.
    double[] lp = new double[CtcCodec.WIDTH];
    java.util.Arrays.fill(lp, -Math.log(CtcCodec.SYMBOLS));
    // paths for "a": blanks, then a run of 'a' of length r >= 1, then blanks: sum over start, length
    long paths = 0;
    for (int start = 0; start < 25; start++) {
      paths += 25 - start;
    }
    double expected = Math.log(paths) - 25 * Math.log(CtcCodec.SYMBOLS);
    assertThat(CtcCodec.logLikelihood(lp, CtcCodec.codes("a"))).isCloseTo(expected, within(1e-9));
    assertThat(CtcCodec.logLikelihood(lp, new int[0])).isCloseTo(-25 * Math.log(CtcCodec.SYMBOLS), within(1e-9));
  }

  @Test
  void trieScoresEqualTheDirectForwardAlgorithm() {
    Random rnd = new Random(5);
    Set<String> words = new LinkedHashSet<>(List.of("a", "ab", "abc", "abd", "b", "bb", "hello", "hell", "help",
        "aaaaaaaaaaaaaa", "zz9", "0"));
    while (words.size() < 400) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + rnd.nextInt(9);
      for (int i = 0; i < len; i++) {
        sb.append(CharCodec.symbol(rnd.nextInt(8)));
      }
      words.add(sb.toString());
    }
    String[] w = words.toArray(new String[0]);
    CtcTrie trie = new CtcTrie(w);
    for (int trial = 0; trial < 5; trial++) {
      double[] lp = CtcCodec.logSoftmax(randomLogits(rnd), 0);
      double[] got = new double[w.length];
      trie.score(lp, got);
      double best = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < w.length; i++) {
        best = Math.max(best, CtcCodec.logLikelihood(lp, CtcCodec.codes(w[i])));
      }
      for (int i = 0; i < w.length; i++) {
        double direct = Math.max(CtcCodec.logLikelihood(lp, CtcCodec.codes(w[i])), Decoder.CTC_FLOOR_LOG);
        if (direct > best + Math.log(CtcTrie.PRUNE)) {
          assertThat(got[i]).as(w[i]).isCloseTo(direct, within(1e-6 * Math.max(1, Math.abs(direct))));
        } else {
          // pruned or not, a negligible word never scores above the pruning bound's level
          assertThat(got[i]).as(w[i]).isLessThanOrEqualTo(best + Math.log(CtcTrie.PRUNE) + 1e-6);
          assertThat(got[i]).as(w[i]).isGreaterThanOrEqualTo(direct - 1e-6);
        }
      }
    }
  }

  @Test
  void decoderReadsTheCtcHeadUnconstrainedAndWithALexicon() {
    List<String> dict = List.of("hello", "help", "yellow", "hell", "world");
    ModelSpec s = new ModelSpec(Arch.SMALL, EnumSet.of(HeadKind.CTC), dict, 0, List.of(), Optimiser.ADAM, 1e-3, 0, 0);
    Decoder d = new Decoder(s, Calibration.DEFAULT);
    // best path "helo" (not a word): unconstrained reads it, the lexicon picks "hello" or "help"
    float[] x = logits(path("helo"), 6);
    HeadOutputs out = new HeadOutputs(1, null, 0, null, null, 0, x);
    Recognition free = d.decode(out, 0, null);
    assertThat(free.perHead().get(HeadKind.CTC).text()).isEqualTo("helo");
    assertThat(free.text()).isEqualTo("helo");
    Recognition lex = d.decode(out, 0, d.compile(new ArrayList<>(dict)));
    assertThat(lex.perHead().get(HeadKind.CTC).lexiconText()).isIn("hello", "help", "hell");
    assertThat(dict).contains(lex.text());
    assertThat(lex.confidence()).isBetween(0.0, 1.0);
  }

  @Test
  void decoderWithLanguageModel_fusedReadingMovesToAPlausibleWordPerHeadUnchanged() {
    List<String> dict = List.of("cat", "cats", "scat", "catalog", "bat", "hat", "at", "chat", "table");
    ModelSpec s = new ModelSpec(Arch.SMALL, EnumSet.of(HeadKind.CTC), dict, 0, List.of(), Optimiser.ADAM, 1e-3, 0, 0);
    // the image slightly prefers "cot"
    float[] x = logits(path("cot"), 8);
    for (int t = 2; t <= 3; t++) {
      x[CharCodec.code('o') * CtcCodec.STEPS + t] = 4.2f;
      x[CharCodec.code('a') * CtcCodec.STEPS + t] = 4.0f;
    }
    HeadOutputs out = new HeadOutputs(1, null, 0, null, null, 0, x);
    Decoder plain = new Decoder(s, Calibration.DEFAULT);
    assertThat(plain.lmSettings().enabled()).isFalse();
    assertThat(plain.decode(out, 0, null).text()).isEqualTo("cot");
    Decoder withLm = plain.withLm(new LmSettings(4, 1.0, 0, 8, 3), null);
    Recognition r = withLm.decode(out, 0, null);
    assertThat(r.text()).isEqualTo("cat");
    assertThat(r.perHead().get(HeadKind.CTC).text()).isEqualTo("cot");
    assertThat(r.confidence()).isBetween(0.0, 1.0);
    // an LM estimated from other words pulls elsewhere, and OFF restores the heads' reading
    assertThat(plain.withLm(new LmSettings(4, 1.0, 0, 8, 3), List.of("cot", "cots", "cottage", "coat")).decode(out, 0, null)
        .text()).isEqualTo("cot");
    assertThat(withLm.withLm(LmSettings.OFF, null).decode(out, 0, null).text()).isEqualTo("cot");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LmSettings(4, -1, 0, 8, 3))
        .hasMessageContaining("weight");
  }
}
