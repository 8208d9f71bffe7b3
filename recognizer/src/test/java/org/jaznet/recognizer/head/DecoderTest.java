package org.jaznet.recognizer.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.Recognition;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.ModelSpec;
import org.jaznet.recognizer.model.Optimiser;
import org.junit.jupiter.api.Test;

class DecoderTest {
  static final List<String> DICT = List.of("hello", "help", "yellow", "hell", "world", "word", "sword", "shell");

  static ModelSpec spec(List<String> dict, int active) {
    return new ModelSpec(Arch.SMALL, EnumSet.of(HeadKind.DICT, HeadKind.CHAR, HeadKind.NGRAM), dict, active,
        NgramVocabulary.build(dict, 10_000).grams(), Optimiser.ADAM, 1e-3, 0, 0.5);
  }

  /** CHAR probabilities that favour {@code word} at each position with probability {@code p}. */
  static float[] charProbs(String word, float p) {
    float[] out = new float[37 * 23];
    int[] codes = CharCodec.encode(word);
    for (int pos = 0; pos < 23; pos++) {
      for (int s = 0; s < 37; s++) {
        out[s * 23 + pos] = s == codes[pos] ? p : (1 - p) / 36;
      }
    }
    return out;
  }

  static float[] ngramProbs(NgramVocabulary v, String word, float hi, float lo) {
    float[] out = new float[v.size()];
    java.util.Arrays.fill(out, lo);
    for (int g : v.encode(word)) {
      out[g] = hi;
    }
    return out;
  }

  @Test
  void decode_lexiconCharOnly_picksWordWithBestPositionScores() {
    ModelSpec s = spec(DICT, 8);
    Decoder d = new Decoder(s, Calibration.DEFAULT);
    // CHAR reads "hellp" (not a word): the lexicon's best is "hello"/"help"? p(hellp) differs from hello
    // only at position 4 (p vs o) and from help at positions 3-4; hello wins.
    float[] chars = charProbs("hellp", 0.8f);
    float[] dict = new float[8];
    java.util.Arrays.fill(dict, 1f / 8);
    NgramVocabulary v = new NgramVocabulary(s.ngrams());
    float[] ngram = new float[v.size()];
    java.util.Arrays.fill(ngram, 0.5f);
    HeadOutputs out = new HeadOutputs(1, dict, 8, chars, ngram, v.size());
    CompiledLexicon lex = d.compile(List.of("Help", "HELLO", "world", "hell!"));
    Recognition r = d.decode(out, 0, lex);
    assertThat(r.perHead().get(HeadKind.CHAR).text()).isEqualTo("hellp");
    assertThat(r.perHead().get(HeadKind.CHAR).lexiconText()).isEqualTo("hello");
    assertThat(r.perHead().get(HeadKind.CHAR).lexiconScore()).isBetween(0.0, 1.0);
    // CHAR score of the unconstrained reading is the sequence probability: 0.8^23
    assertThat(r.perHead().get(HeadKind.CHAR).score()).isCloseTo(Math.pow(0.8, 23), within(1e-6));
  }

  @Test
  void decode_lexiconCharPrefix_nullsAfterWordCount() {
    Decoder d = new Decoder(spec(DICT, 8), Calibration.DEFAULT);
    // "hell" vs "hello": CHAR strongly says null at position 4
    HeadOutputs out = outputs(d, "hell", 0.9f, "word");
    assertThat(d.decode(out, 0, d.compile(List.of("hello", "hell"))).perHead().get(HeadKind.CHAR).lexiconText())
        .isEqualTo("hell");
    HeadOutputs out2 = outputs(d, "hello", 0.9f, "word");
    assertThat(d.decode(out2, 0, d.compile(List.of("hell", "hello"))).perHead().get(HeadKind.CHAR).lexiconText())
        .isEqualTo("hello");
  }

  @Test
  void decode_ngramOutputs_bestWordByNgramAgreement() {
    Decoder d = new Decoder(spec(DICT, 8), Calibration.DEFAULT);
    NgramVocabulary v = new NgramVocabulary(d.spec().ngrams());
    float[] chars = charProbs("xxxx", 0.5f);
    float[] dict = new float[8];
    java.util.Arrays.fill(dict, 1f / 8);
    HeadOutputs out = new HeadOutputs(1, dict, 8, chars, ngramProbs(v, "sword", 0.9f, 0.05f), v.size());
    Recognition r = d.decode(out, 0, d.compile(List.of("word", "sword", "world")));
    assertThat(r.perHead().get(HeadKind.NGRAM).text()).isEqualTo("sword");
    assertThat(r.perHead().get(HeadKind.NGRAM).lexiconText()).isEqualTo("sword");
  }

  @Test
  void decode_dictHead_bestActiveClassAndLexiconRestriction() {
    Decoder d = new Decoder(spec(DICT, 6), Calibration.DEFAULT);
    float[] dict = {0.05f, 0.6f, 0.05f, 0.1f, 0.15f, 0.05f};
    HeadOutputs base = outputs(d, "help", 0.6f, "help");
    HeadOutputs out = new HeadOutputs(1, dict, 6, base.chars(), base.ngram(), base.ngramWidth());
    Recognition r = d.decode(out, 0, d.compile(List.of("world", "hell", "sword")));
    assertThat(r.perHead().get(HeadKind.DICT).text()).isEqualTo("help");
    assertThat(r.perHead().get(HeadKind.DICT).score()).isCloseTo(0.6, within(1e-6));
    // sword is not an active class (index 6 >= 6): world (0.15) beats hell (0.1)
    assertThat(r.perHead().get(HeadKind.DICT).lexiconText()).isEqualTo("world");
  }

  @Test
  void decode_agreeingHeads_fusedTextAndAlternativesSorted() {
    Decoder d = new Decoder(spec(DICT, 8), Calibration.DEFAULT);
    Recognition r = d.decode(outputs(d, "yellow", 0.9f, "yellow"), 0, null);
    assertThat(r.text()).isEqualTo("yellow");
    assertThat(r.alternatives().get(0).text()).isEqualTo("yellow");
    assertThat(r.confidence()).isGreaterThan(0.5);
    for (int i = 1; i < r.alternatives().size(); i++) {
      assertThat(r.alternatives().get(i).confidence()).isLessThanOrEqualTo(r.alternatives().get(i - 1).confidence());
    }
    Recognition withLex = d.decode(outputs(d, "yellow", 0.9f, "yellow"), 0, d.compile(List.of("hello", "yellow")));
    assertThat(withLex.text()).isEqualTo("yellow");
  }

  @Test
  void fusionFit_informativeChar_weightsCharAndCalibratesConfidence() {
    Random rnd = new Random(3);
    List<Fusion.Example> ex = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      // two candidates; CHAR separates right from wrong by a noisy margin, NGRAM is noise
      double margin = rnd.nextGaussian() * 2 + 1;
      double[] right = {-2, -3, rnd.nextGaussian(), 0};
      double[] wrong = {-2, -3 - margin, rnd.nextGaussian(), 0};
      boolean swap = rnd.nextBoolean();
      ex.add(new Fusion.Example(swap ? new double[][] {wrong, right} : new double[][] {right, wrong}, swap ? 1 : 0));
    }
    Calibration c = Fusion.fit(ex);
    assertThat(c.fittedOn()).isEqualTo(400);
    assertThat(c.charWeight()).isGreaterThan(0.2);
    assertThat(Math.abs(c.ngramWeight())).isLessThan(c.charWeight());
  }

  @Test
  void fusionFit_dictMisleadsOnShortWordsOnly_fitsItsShortWordWeightApart() {
    Random rnd = new Random(4);
    List<Fusion.Example> ex = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      boolean shortWord = i % 2 == 0;
      // CTC separates right from wrong by a noisy margin; on long words DICT agrees with it, on one- and
      // two-character words DICT favours the wrong candidate (a closed-set classifier knowing few such words)
      double margin = rnd.nextGaussian() + 1.5;
      double dictMargin = (shortWord ? -3 : 3) + rnd.nextGaussian();
      double[] right = {-1, -2, 0, -1};
      double[] wrong = {-1 - dictMargin, -2, 0, -1 - margin};
      int len = shortWord ? 1 + rnd.nextInt(Calibration.SHORT_WORD) : 3 + rnd.nextInt(8);
      boolean swap = rnd.nextBoolean();
      ex.add(new Fusion.Example(swap ? new double[][] {wrong, right} : new double[][] {right, wrong}, swap ? 1 : 0,
          new int[] {len, len}));
    }
    Calibration c = Fusion.fit(ex);
    assertThat(c.dictWeight()).isGreaterThan(0.3);
    assertThat(c.shortDictWeight()).isLessThan(0);
    assertThat(c.dictWeight(Calibration.SHORT_WORD)).isEqualTo(c.shortDictWeight());
    assertThat(c.dictWeight(Calibration.SHORT_WORD + 1)).isEqualTo(c.dictWeight());
    // without lengths every candidate counts as long: one DICT weight, pulled down by the short words
    List<Fusion.Example> noLengths = ex.stream().map(e -> new Fusion.Example(e.features(), e.correct())).toList();
    assertThat(Fusion.fit(noLengths).dictWeight()).isLessThan(c.dictWeight());
    // no short candidates at all: nothing to fit the short-word weight on, which then equals the DICT weight
    Calibration longOnly = Fusion.fit(noLengths);
    assertThat(longOnly.shortDictWeight()).isCloseTo(longOnly.dictWeight(), within(1e-6));
    // the six-argument calibration (files written before the short-word weight) has one DICT weight
    assertThat(new Calibration(0.4, 0.1, 0, 1.2, -5, 10).shortDictWeight()).isEqualTo(0.4);
  }

  @Test
  void decode_shortWordDictWeight_decidesBetweenDictsOneLetterClassAndTheOtherHeads() {
    List<String> dict = List.of("o", "hello", "world", "shell");
    ModelSpec s = new ModelSpec(Arch.SMALL, EnumSet.allOf(HeadKind.class), dict, 4,
        NgramVocabulary.build(dict, 10_000).grams(), Optimiser.ADAM, 1e-3, 0, 0.5);
    // CHAR and CTC read "a"; DICT, which has no class "a", is sure of "o"
    HeadOutputs base = outputs(new Decoder(s, Calibration.DEFAULT), "a", 0.6f, "a");
    float[] sure = {0.97f, 0.01f, 0.01f, 0.01f};
    HeadOutputs out = new HeadOutputs(1, sure, 4, base.chars(), base.ngram(), base.ngramWidth(), base.ctc());
    Decoder oneWeight = new Decoder(s, new Calibration(2, 1, 0, 1, -8, 100, 2));
    Decoder shortApart = new Decoder(s, new Calibration(2, 1, 0, 1, -8, 100, 0));
    CompiledLexicon lex = oneWeight.compile(List.of("a", "o", "hello"));
    assertThat(oneWeight.decode(out, 0, null).text()).isEqualTo("o");
    assertThat(oneWeight.decode(out, 0, lex).text()).isEqualTo("o");
    assertThat(shortApart.decode(out, 0, null).text()).isEqualTo("a");
    assertThat(shortApart.decode(out, 0, shortApart.compile(List.of("a", "o", "hello"))).text()).isEqualTo("a");
  }

  @Test
  void compile_90kLexicon_scoresFastAndFindsWord() {
    Random rnd = new Random(1);
    java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
    while (distinct.size() < 90_000) {
      int len = 3 + rnd.nextInt(9);
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < len; k++) {
        sb.append((char) ('a' + rnd.nextInt(26)));
      }
      distinct.add(sb.toString());
    }
    List<String> words = new ArrayList<>(distinct);
    List<String> dict = words.subList(0, 5000);
    ModelSpec s = new ModelSpec(Arch.SMALL, EnumSet.allOf(HeadKind.class), dict, 5000,
        NgramVocabulary.build(words, 10_000).grams(), Optimiser.ADAM, 1e-3, 0, 0.5);
    Decoder d = new Decoder(s, Calibration.DEFAULT);
    long t0 = System.nanoTime();
    CompiledLexicon lex = d.compile(words);
    long t1 = System.nanoTime();
    String target = words.get(77_777);
    HeadOutputs out = outputs(d, target, 0.7f, target);
    Recognition r = null;
    for (int i = 0; i < 30; i++) {
      d.decode(out, 0, lex); // JIT warm-up
    }
    int runs = 50;
    // thread CPU time: the wall clock on a shared 2-vCPU machine mostly measures the other processes
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long t2 = cpu.getCurrentThreadCpuTime();
    for (int i = 0; i < runs; i++) {
      r = d.decode(out, 0, lex);
    }
    long t3 = cpu.getCurrentThreadCpuTime();
    System.out.printf("90k lexicon: compile %.0f ms wall; decode with lexicon (all heads + fusion) %.2f ms CPU/image%n",
        (t1 - t0) / 1e6, (t3 - t2) / 1e6 / runs);
    ImageScores img = new ImageScores(out, 0);
    double[] sc = new double[lex.size()];
    for (HeadKind h : HeadKind.values()) {
      for (int i = 0; i < 30; i++) {
        lex.score(h, img, sc);
      }
      long a = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < runs; i++) {
        lex.score(h, img, sc);
      }
      System.out.printf("90k lexicon: %s scoring %.2f ms CPU/image%n", h, (cpu.getCurrentThreadCpuTime() - a) / 1e6 / runs);
    }
    // unconstrained reading of a batch: the NGRAM head scores all dictionary words for every image
    Decoder big = new Decoder(new ModelSpec(Arch.SMALL, EnumSet.allOf(HeadKind.class), words, 5000,
        s.ngrams(), Optimiser.ADAM, 1e-3, 0, 0.5), Calibration.DEFAULT);
    HeadOutputs one = outputs(big, target, 0.7f, target);
    int n = 32;
    HeadOutputs batch = new HeadOutputs(n, repeat(one.dict(), n), one.dictWidth(), repeat(one.chars(), n),
        repeat(one.ngram(), n), one.ngramWidth(), repeat(one.ctc(), n));
    for (int i = 0; i < 5; i++) {
      big.decodeAll(batch, null);
      big.decode(batch, 0, null);
    }
    long c0 = cpu.getCurrentThreadCpuTime();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < n; j++) {
        big.decode(batch, j, null);
      }
    }
    long c1 = cpu.getCurrentThreadCpuTime();
    List<Recognition> all = null;
    for (int i = 0; i < 3; i++) {
      all = big.decodeAll(batch, null);
    }
    long c2 = cpu.getCurrentThreadCpuTime();
    System.out.printf("90k dictionary, no lexicon: decode image by image %.2f ms CPU/image, decodeAll(32) %.2f ms CPU/image%n",
        (c1 - c0) / 1e6 / (3 * n), (c2 - c1) / 1e6 / (3 * n));
    assertThat(all.get(n - 1)).isEqualTo(big.decode(batch, n - 1, null));
    assertThat(r.perHead().get(HeadKind.CHAR).lexiconText()).isEqualTo(target);
    assertThat(r.perHead().get(HeadKind.NGRAM).lexiconText()).isEqualTo(target);
    assertThat(r.perHead().get(HeadKind.CTC).lexiconText()).isEqualTo(target);
    assertThat(r.text()).isEqualTo(target);
  }

  @Test
  void decodeAll_randomBatch_equalsDecodeImageByImage() {
    ModelSpec s = spec(DICT, 6);
    Decoder d = new Decoder(s, Calibration.DEFAULT);
    NgramVocabulary v = new NgramVocabulary(s.ngrams());
    Random rnd = new Random(11);
    int n = 37; // more than one block of images
    float[] dict = new float[n * 6];
    float[] chars = new float[n * 37 * 23];
    float[] ngram = new float[n * v.size()];
    for (float[] a : new float[][] {dict, chars, ngram}) {
      for (int k = 0; k < a.length; k++) {
        a[k] = rnd.nextFloat();
      }
    }
    HeadOutputs out = new HeadOutputs(n, dict, 6, chars, ngram, v.size());
    CompiledLexicon lex = d.compile(List.of("hello", "shell", "word"));
    for (CompiledLexicon l : java.util.Arrays.asList(null, lex)) {
      List<Recognition> all = d.decodeAll(out, l);
      assertThat(all).hasSize(n);
      java.util.Set<String> ngramReadings = new java.util.HashSet<>();
      for (int i = 0; i < n; i++) {
        Recognition one = d.decode(out, i, l);
        assertThat(all.get(i)).isEqualTo(one);
        ngramReadings.add(one.perHead().get(HeadKind.NGRAM).text());
      }
      // the images differ, so the batch must not have given every image the same N-gram reading
      assertThat(ngramReadings).hasSizeGreaterThan(1);
    }
  }

  @Test
  void decodeAll_readSubset_onlyThoseHeadsReadAndPropose() {
    // a calibration that trusts the N-grams most, so that the NGRAM head's proposal wins when it is made
    Decoder d = new Decoder(spec(DICT, 8), new Calibration(1, 1, 5, 1, -8, 0));
    ModelSpec s = d.spec();
    NgramVocabulary v = new NgramVocabulary(s.ngrams());
    // DICT and CHAR say yellow and give sword the least (so it is not among DICT's top five); the N-grams say sword
    float[] dict = new float[8];
    java.util.Arrays.fill(dict, 0.1f / 7);
    dict[DICT.indexOf("yellow")] = 0.9f - 1e-4f;
    dict[DICT.indexOf("sword")] = 1e-4f;
    HeadOutputs out = new HeadOutputs(1, dict, 8, charProbs("yellow", 0.9f), ngramProbs(v, "sword", 0.95f, 0.01f),
        v.size());
    Recognition all = d.decodeAll(out, null).get(0);
    assertThat(all.perHead().get(HeadKind.NGRAM).text()).isEqualTo("sword");
    assertThat(all.text()).isEqualTo("sword");

    java.util.Set<HeadKind> read = EnumSet.of(HeadKind.DICT, HeadKind.CHAR);
    Recognition some = d.decodeAll(out, null, read).get(0);
    assertThat(some.perHead()).containsOnlyKeys(HeadKind.DICT, HeadKind.CHAR);
    assertThat(some.perHead().get(HeadKind.DICT)).isEqualTo(all.perHead().get(HeadKind.DICT));
    assertThat(some.perHead().get(HeadKind.CHAR)).isEqualTo(all.perHead().get(HeadKind.CHAR));
    // the unread NGRAM head proposes nothing
    assertThat(some.alternatives()).extracting(a -> a.text()).doesNotContain("sword");
    assertThat(d.decode(out, 0, null, read)).isEqualTo(some);

    // with a lexicon every head still scores its words for the fusion (the N-grams' favourite wins as
    // with every head read); only the read heads report their lexicon readings
    CompiledLexicon lex = d.compile(List.of("yellow", "sword", "hello"));
    Recognition lexAll = d.decodeAll(out, lex).get(0);
    assertThat(lexAll.text()).isEqualTo("sword");
    Recognition lexSome = d.decodeAll(out, lex, read).get(0);
    assertThat(lexSome.perHead()).containsOnlyKeys(HeadKind.DICT, HeadKind.CHAR);
    assertThat(lexSome.perHead().get(HeadKind.CHAR).lexiconText()).isEqualTo("yellow");
    assertThat(lexSome.alternatives()).isEqualTo(lexAll.alternatives());
  }

  @Test
  void decodeAll_readHeadsNotInModel_rejectedByName() {
    Decoder d = new Decoder(spec(DICT, 8), Calibration.DEFAULT);
    HeadOutputs out = outputs(d, "yellow", 0.9f, "sword");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.decodeAll(out, null, EnumSet.of(HeadKind.CTC)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no CTC head");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> d.decodeAll(out, null, EnumSet.noneOf(HeadKind.class)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no head to read");
  }

  @Test
  void readNgram_block_equalsTopKAndLogSumExpOfEachImagesScores() {
    List<String> words = new ArrayList<>();
    Random rnd = new Random(12);
    java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
    while (distinct.size() < 2000) {
      StringBuilder sb = new StringBuilder();
      for (int k = 0, len = 1 + rnd.nextInt(8); k < len; k++) {
        sb.append("abcdeflnorst".charAt(rnd.nextInt(12)));
      }
      distinct.add(sb.toString());
    }
    words.addAll(distinct);
    ModelSpec s = spec(words, 100);
    Decoder d = new Decoder(s, Calibration.DEFAULT);
    NgramVocabulary v = new NgramVocabulary(s.ngrams());
    int n = 9;
    float[] ngram = new float[n * v.size()];
    for (int k = 0; k < ngram.length; k++) {
      // sharp outputs, so several words come within the log-sum-exp's cut of the best
      ngram[k] = rnd.nextFloat() < 0.1f ? 0.95f : 0.02f * rnd.nextFloat();
    }
    HeadOutputs out = new HeadOutputs(n, new float[n * 100], 100, new float[n * 37 * 23], ngram, v.size());
    CompiledLexicon lex = d.compile(words);
    ImageScores[] imgs = new ImageScores[n];
    for (int b = 0; b < n; b++) {
      imgs[b] = new ImageScores(out, b);
    }
    CompiledLexicon.NgramReading[] block = lex.readNgram(imgs, 3);
    for (int b = 0; b < n; b++) {
      double[] scores = new double[lex.size()];
      lex.score(HeadKind.NGRAM, imgs[b], scores);
      int[] top = CompiledLexicon.topK(scores, scores.length, 3);
      assertThat(block[b].top()).as("image %d", b).containsExactly(top);
      double posterior = Math.exp(scores[top[0]] - Decoder.logSumExp(scores, scores.length, Double.NEGATIVE_INFINITY));
      assertThat(block[b].posterior()).as("image %d", b).isEqualTo(posterior);
    }
  }

  static float[] repeat(float[] a, int n) {
    if (a == null) {
      return null;
    }
    float[] out = new float[a.length * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a, 0, out, i * a.length, a.length);
    }
    return out;
  }

  /** Consistent outputs: CHAR favours {@code charWord}, NGRAM {@code ngramWord}, DICT uniform-ish. */
  static HeadOutputs outputs(Decoder d, String charWord, float p, String ngramWord) {
    ModelSpec s = d.spec();
    NgramVocabulary v = new NgramVocabulary(s.ngrams());
    float[] dict = new float[s.dictActive()];
    java.util.Arrays.fill(dict, 1f / s.dictActive());
    int cls = s.dictionary().indexOf(charWord);
    if (cls >= 0 && cls < s.dictActive()) {
      java.util.Arrays.fill(dict, 0.1f / s.dictActive());
      dict[cls] = 0.9f;
    }
    float[] ctc = s.has(HeadKind.CTC) ? CtcTest.logits(CtcTest.path(charWord), 5) : null;
    return new HeadOutputs(1, dict, s.dictActive(), charProbs(charWord, p), ngramProbs(v, ngramWord, 0.9f, 0.02f), v.size(),
        ctc);
  }
}
