package org.jaznet.recognizer.head;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jaznet.recognizer.Alternative;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.HeadResult;
import org.jaznet.recognizer.Recognition;
import org.jaznet.recognizer.model.ModelSpec;

/**
 * Turns one model's head outputs into {@link Recognition}s: each head read unconstrained (DICT: best
 * active class; CHAR: argmax per position up to the first null; NGRAM: the dictionary word whose N-gram
 * set is most likely) and, given a lexicon, the lexicon word each head scores best; then the heads fused
 * into one reading with a calibrated confidence (see {@link Calibration}); optionally the unconstrained
 * fused reading also uses a character language model ({@link LmSettings}: CTC beam-search candidates, the
 * CTC head's best digits-only reading for the prior's numbers, its likeliest single symbol when its best
 * path is empty, and a text prior added to each candidate's score). Immutable and thread-safe.
 *
 * <p>Scores: CHAR log p(word) = sum over the 23 positions of log p(symbol), nulls after the word; NGRAM
 * log p(word) = sum over the vocabulary of log p(g) for the word's N-grams and log(1 - p(g)) for the
 * others; DICT log p(class) (log 1e-8 outside the active classes). A lexicon result's score is the
 * head's posterior within the lexicon.
 */
public final class Decoder {
  /** Alternatives reported per image. */
  public static final int TOP_K = 5;
  private static final int NGRAM_CANDIDATES = 3;
  /** Floor of a CTC log-score (a word the 25 steps cannot align scores this, not -infinity). */
  static final double CTC_FLOOR_LOG = -200;

  private final ModelSpec spec;
  private final Calibration calibration;
  private final DictCodec dict;
  private final NgramVocabulary vocab;
  /**
   * The whole dictionary compiled for the NGRAM head's unconstrained reading (null without an NGRAM
   * head); compiled on first use, so a recognizer that never reads NGRAM does not pay for it.
   */
  private final com.google.common.base.Supplier<CompiledLexicon> dictionaryLexicon;
  private final LmSettings lmSettings;
  /** The case prior of {@link CaseRestorer} for a PRINT head. */
  private final double caseSwitchPenalty;
  /** The words the LM is estimated from (null: the model's dictionary). */
  private final List<String> lmWords;
  /** The text prior with its character LM (null when off); estimated on first use. */
  private final com.google.common.base.Supplier<TextPrior> lm;

  /** A decoder without a language model (the heads alone, as the calibration was fitted). */
  public Decoder(ModelSpec spec, Calibration calibration) {
    this(spec, calibration, LmSettings.OFF, null);
  }

  /**
   * A decoder whose unconstrained fused reading uses a character LM (see {@link LmSettings}).
   *
   * @param lmWords the words the LM is estimated from; null for the model's dictionary
   */
  public Decoder(ModelSpec spec, Calibration calibration, LmSettings lmSettings, List<String> lmWords) {
    this(spec, calibration, null, lmSettings, lmWords, CaseRestorer.DEFAULT_SWITCH_PENALTY);
  }

  /** {@code dictionaryLexicon}: another decoder's (same spec), or null to compile this one's on first use. */
  private Decoder(ModelSpec spec, Calibration calibration,
      com.google.common.base.Supplier<CompiledLexicon> dictionaryLexicon, LmSettings lmSettings, List<String> lmWords,
      double caseSwitchPenalty) {
    if (!(caseSwitchPenalty >= 0) || Double.isInfinite(caseSwitchPenalty)) {
      throw new IllegalArgumentException("the case-switch penalty must be finite and >= 0, got " + caseSwitchPenalty);
    }
    this.caseSwitchPenalty = caseSwitchPenalty;
    this.lmWords = lmWords;
    this.spec = spec;
    this.calibration = calibration;
    this.dict = spec.dictionary().isEmpty() ? null
        : new DictCodec(spec.dictionary(), spec.has(HeadKind.DICT) ? spec.dictActive() : spec.dictionary().size());
    this.vocab = spec.has(HeadKind.NGRAM) ? new NgramVocabulary(spec.ngrams()) : null;
    this.dictionaryLexicon = !spec.has(HeadKind.NGRAM) ? null : dictionaryLexicon != null ? dictionaryLexicon
        : com.google.common.base.Suppliers.memoize(() -> compile(spec.dictionary()));
    this.lmSettings = java.util.Objects.requireNonNull(lmSettings, "lmSettings");
    List<String> words = lmWords != null ? List.copyOf(lmWords) : spec.dictionary();
    if (lmSettings.enabled() && words.isEmpty()) {
      throw new IllegalArgumentException("a language model needs words: the model has no dictionary and none was given");
    }
    this.lm = lmSettings.enabled()
        ? com.google.common.base.Suppliers.memoize(
            () -> new TextPrior(CharLm.of(words, lmSettings.order()), words, lmSettings.shares())) : null;
  }

  public ModelSpec spec() {
    return spec;
  }

  public Calibration calibration() {
    return calibration;
  }

  public LmSettings lmSettings() {
    return lmSettings;
  }

  /** The same model and calibration with other LM settings (LM estimated from {@code lmWords}, null: the dictionary). */
  public Decoder withLm(LmSettings settings, List<String> lmWords) {
    return new Decoder(spec, calibration, dictionaryLexicon, settings, lmWords, caseSwitchPenalty);
  }

  /** The case prior a PRINT head's case and punctuation are read with ({@link CaseRestorer}). */
  public double caseSwitchPenalty() {
    return caseSwitchPenalty;
  }

  /** The same decoder with another case prior (see {@link CaseRestorer#restore(double[], SymbolSet, String, double)}). */
  public Decoder withCaseSwitchPenalty(double penalty) {
    return new Decoder(spec, calibration, dictionaryLexicon, lmSettings, lmWords, penalty);
  }

  /**
   * Prepares a lexicon for this model (words are normalised; duplicates and words without a letter or
   * digit are dropped). Do it once and reuse it: it is the expensive part for a large lexicon.
   *
   * @throws IllegalArgumentException when no usable word remains
   */
  public CompiledLexicon compile(List<String> words) {
    return new CompiledLexicon(this, words, vocab, spec.has(HeadKind.DICT) ? dict : null);
  }

  /** Reads image {@code i} of a batch with every head; {@code lexicon} may be null (no lexicon). */
  public Recognition decode(HeadOutputs out, int i, CompiledLexicon lexicon) {
    return decode(out, i, lexicon, spec.heads());
  }

  /**
   * Reads image {@code i} of a batch with the heads in {@code read} (a non-empty subset of the model's
   * heads, see {@link #checkRead}): only they get a {@link HeadResult} and propose candidates to the
   * unconstrained fused reading, and an unread NGRAM head's dictionary search is skipped. The fused
   * reading's candidates (or, with a lexicon, its words) are still scored by every head of the model,
   * as the calibration was fitted.
   */
  public Recognition decode(HeadOutputs out, int i, CompiledLexicon lexicon, Set<HeadKind> read) {
    checkOwner(lexicon);
    checkRead(read);
    ImageScores img = new ImageScores(out, i);
    CompiledLexicon.NgramReading ngram = null;
    if (readsNgram(read)) {
      ngram = dictionaryLexicon.get().readNgram(new ImageScores[] {img}, NGRAM_CANDIDATES)[0];
    }
    return decode(out, i, img, ngram, lexicon, read);
  }

  /**
   * Checks that {@code read} is a non-empty subset of this model's heads.
   *
   * @throws IllegalArgumentException naming the heads the model does not have
   */
  public void checkRead(Set<HeadKind> read) {
    if (read == null || read.isEmpty()) {
      throw new IllegalArgumentException("no head to read: choose at least one of " + spec.heads());
    }
    for (HeadKind h : read) {
      if (!spec.has(h)) {
        throw new IllegalArgumentException("the model has no " + h + " head (its heads: " + spec.heads() + ")");
      }
    }
  }

  private boolean readsNgram(Set<HeadKind> read) {
    return dictionaryLexicon != null && read.contains(HeadKind.NGRAM);
  }

  /**
   * Reads every image of a batch, the same as {@link #decode} image by image (bit for bit), but the
   * NGRAM head's reading, which scores every dictionary word, is computed for all images in one pass
   * over the dictionary (the batch's N-gram scores side by side: several times faster than one pass per
   * image).
   */
  public List<Recognition> decodeAll(HeadOutputs out, CompiledLexicon lexicon) {
    return decodeAll(out, lexicon, spec.heads());
  }

  /** {@link #decodeAll(HeadOutputs, CompiledLexicon)} with the heads in {@code read} (as {@link #decode(HeadOutputs, int, CompiledLexicon, Set)}). */
  public List<Recognition> decodeAll(HeadOutputs out, CompiledLexicon lexicon, Set<HeadKind> read) {
    checkOwner(lexicon);
    checkRead(read);
    int n = out.n();
    ImageScores[] imgs = new ImageScores[n];
    for (int i = 0; i < n; i++) {
      imgs[i] = new ImageScores(out, i);
    }
    List<Recognition> result = new ArrayList<>(n);
    for (int from = 0; from < n; from += NGRAM_BLOCK) {
      int to = Math.min(n, from + NGRAM_BLOCK);
      CompiledLexicon.NgramReading[] ngram = null;
      if (readsNgram(read)) {
        ngram = dictionaryLexicon.get().readNgram(java.util.Arrays.copyOfRange(imgs, from, to), NGRAM_CANDIDATES);
      }
      for (int i = from; i < to; i++) {
        result.add(decode(out, i, imgs[i], ngram == null ? null : ngram[i - from], lexicon, read));
        imgs[i] = null;
      }
    }
    return result;
  }

  /** CTC codes 0..DIGITS-1 are the digits. */
  private static final int DIGITS = 10;

  /** Images whose dictionary-wide N-gram scores are computed together (bounds the scratch memory). */
  private static final int NGRAM_BLOCK = 32;

  private void checkOwner(CompiledLexicon lexicon) {
    if (lexicon != null && lexicon.owner() != this) {
      throw new IllegalArgumentException("the lexicon was compiled for another model's decoder");
    }
  }

  private Recognition decode(HeadOutputs out, int i, ImageScores img, CompiledLexicon.NgramReading ngramReading,
      CompiledLexicon lexicon, Set<HeadKind> read) {
    Map<HeadKind, HeadResult> perHead = new EnumMap<>(HeadKind.class);
    Set<String> candidates = new LinkedHashSet<>();
    double[][] lexScores = lexicon == null ? null : new double[HeadKind.values().length][];
    for (HeadKind head : spec.heads()) {
      if (!read.contains(head)) {
        continue;
      }
      String text;
      double score;
      switch (head) {
        case DICT -> {
          int[] top = CompiledLexicon.topK(toDouble(out.dict(), i * out.dictWidth(), out.dictWidth()),
              out.dictWidth(), TOP_K);
          text = spec.dictionary().get(top[0]);
          score = img.dictProbability(top[0]);
          for (int c : top) {
            candidates.add(spec.dictionary().get(c));
          }
        }
        case CHAR -> {
          String standard = img.charStandard;
          score = Math.exp(charScore(img, standard));
          if (!standard.isEmpty()) {
            candidates.add(standard);
          }
          text = standard;
          if (img.charSymbols != SymbolSet.LOWER) {
            // the head's own reading keeps its case and punctuation; its standard form is a candidate too: a mark
            // takes a position, so it can differ from the folded argmax after it ("don't" folds to "dont")
            CharCodec codec = CharCodec.of(img.charSymbols);
            text = codec.decodeFull(out.chars(), i * codec.width());
            String normalised = CharCodec.normalise(text);
            if (!normalised.isEmpty()) {
              candidates.add(normalised);
            }
          }
        }
        case NGRAM -> {
          int[] top = ngramReading.top();
          text = dictionaryLexicon.get().word(top[0]);
          score = ngramReading.posterior();
          for (int c : top) {
            candidates.add(dictionaryLexicon.get().word(c));
          }
        }
        case CTC -> {
          String standard = CtcCodec.decode(img.ctcLogp);
          // the head's own reading keeps its case and punctuation; the fusion reads the standard form
          text = img.ctcSymbols == SymbolSet.LOWER ? standard : CtcCodec.of(img.ctcSymbols).decodeFull(img.ctcFull);
          score = standard.isEmpty() ? 0 : Math.exp(img.ctcScore(standard));
          if (!standard.isEmpty()) {
            candidates.add(standard);
          }
          if (lm != null && lmSettings.candidates() > 0 && lexicon == null) {
            for (CtcBeamSearch.Hypothesis h : CtcBeamSearch.search(img.ctcLogp, lm.get().lm(), calibration.ctcWeight(),
                lmSettings.weight(), lmSettings.lengthBonus(), lmSettings.beamWidth(), lmSettings.candidates())) {
              if (!h.text().isEmpty()) {
                candidates.add(h.text());
              }
            }
            // the prior's number kind gets its own proposal (the beam's LM knows dictionary words only)
            candidates.add(CtcCodec.decodeWithin(img.ctcLogp, 0, DIGITS));
            if (standard.isEmpty()) {
              // blank everywhere: a single character stretched over the input; propose the likeliest one
              candidates.add(CtcCodec.decodeWithin(img.ctcLogp, 0, CtcCodec.BLANK));
            }
          }
        }
        default -> throw new IllegalStateException("unknown head " + head);
      }
      String lexText = null;
      double lexScore = Double.NaN;
      if (lexicon != null) {
        double[] s = new double[lexicon.size()];
        lexicon.score(head, img, s);
        lexScores[head.ordinal()] = s;
        int best = CompiledLexicon.topK(s, s.length, 1)[0];
        lexText = lexicon.word(best);
        lexScore = Math.exp(s[best] - logSumExp(s, s.length, Double.NEGATIVE_INFINITY));
      }
      perHead.put(head, new HeadResult(head, text, clamp(score), lexText, lexScore));
    }
    List<Alternative> alternatives = lexicon == null
        ? fuseCandidates(img, new ArrayList<>(candidates))
        : fuseLexicon(lexicon, img, lexScores);
    Alternative best = alternatives.get(0);
    if (img.ctcSymbols != SymbolSet.LOWER) {
      // case and punctuation of the fused word from the CTC head's full lattice (its standard form stays)
      best = new Alternative(CaseRestorer.restore(img.ctcFull, img.ctcSymbols, best.text(), caseSwitchPenalty), best.confidence());
      alternatives = new ArrayList<>(alternatives);
      alternatives.set(0, best);
    }
    return new Recognition(best.text(), best.confidence(), perHead, alternatives);
  }

  private List<Alternative> fuseCandidates(ImageScores img, List<String> words) {
    if (words.isEmpty()) {
      return List.of(new Alternative("", 0.0));
    }
    double[] z = new double[words.size()];
    for (int j = 0; j < z.length; j++) {
      double[] f = features(img, words.get(j));
      int len = words.get(j).length();
      z[j] = calibration.weight(HeadKind.DICT, len) * f[0] + calibration.weight(HeadKind.CHAR, len) * f[1]
          + calibration.ngramWeight() * f[2] + calibration.weight(HeadKind.CTC, len) * f[3];
      if (lm != null && lmSettings.weight() > 0) {
        z[j] += lmSettings.weight() * lm.get().logProb(words.get(j)) + lmSettings.lengthBonus() * words.get(j).length();
      }
    }
    double logZ = logSumExp(z, z.length, calibration.otherBias());
    int[] top = CompiledLexicon.topK(z, z.length, TOP_K);
    List<Alternative> out = new ArrayList<>(top.length);
    for (int j : top) {
      out.add(new Alternative(words.get(j), clamp(Math.exp(z[j] - logZ))));
    }
    return out;
  }

  /** Every head of the model scores the lexicon for the fusion, read or not (as the calibration was fitted). */
  private List<Alternative> fuseLexicon(CompiledLexicon lexicon, ImageScores img, double[][] lexScores) {
    int l = lexicon.size();
    double[] z = new double[l];
    for (HeadKind head : spec.heads()) {
      double w = calibration.weight(head);
      double[] s = lexScores[head.ordinal()];
      if (s == null) {
        s = new double[l];
        lexicon.score(head, img, s);
      }
      if (calibration.lengthDependent()) {
        for (int j = 0; j < l; j++) {
          z[j] += calibration.weight(head, lexicon.word(j).length()) * s[j];
        }
        continue;
      }
      for (int j = 0; j < l; j++) {
        z[j] += w * s[j];
      }
    }
    double logZ = logSumExp(z, l, calibration.otherBias());
    int[] top = CompiledLexicon.topK(z, l, TOP_K);
    List<Alternative> out = new ArrayList<>(top.length);
    for (int j : top) {
      out.add(new Alternative(lexicon.word(j), clamp(Math.exp(z[j] - logZ))));
    }
    return out;
  }

  /**
   * A calibration example for image {@code i}: the unconstrained candidates' features and which one is
   * the (normalised) truth, or -1.
   */
  public Fusion.Example example(HeadOutputs out, int i, String truth) {
    Recognition r = decode(out, i, null);
    ImageScores img = new ImageScores(out, i);
    String t = CharCodec.normalise(truth);
    List<String> words = new ArrayList<>();
    for (Alternative a : r.alternatives()) {
      String w = CharCodec.normalise(a.text());
      if (!w.isEmpty() && !words.contains(w)) {
        words.add(w);
      }
    }
    double[][] f = new double[words.size()][];
    int[] lengths = new int[words.size()];
    int correct = -1;
    for (int j = 0; j < words.size(); j++) {
      f[j] = features(img, words.get(j));
      lengths[j] = words.get(j).length();
      if (words.get(j).equals(t)) {
        correct = j;
      }
    }
    return new Fusion.Example(f, correct, lengths);
  }

  /** (DICT, CHAR, NGRAM, CTC) log-scores of a normalised word; 0 for absent heads. */
  private double[] features(ImageScores img, String word) {
    double[] f = new double[4];
    if (spec.has(HeadKind.CTC)) {
      f[3] = Math.max(img.ctcScore(word), CTC_FLOOR_LOG);
    }
    if (spec.has(HeadKind.DICT)) {
      f[0] = img.dictScore(dict.classIndex(word));
    }
    if (spec.has(HeadKind.CHAR)) {
      f[1] = charScore(img, word);
    }
    if (spec.has(HeadKind.NGRAM)) {
      int[] g = vocab.encode(word);
      f[2] = img.ngramScore(g, 0, g.length);
    }
    return f;
  }

  private static double charScore(ImageScores img, String word) {
    int len = Math.min(word.length(), CharCodec.POSITIONS);
    byte[] codes = new byte[len];
    for (int p = 0; p < len; p++) {
      codes[p] = (byte) CharCodec.code(word.charAt(p));
    }
    return img.charScore(codes, 0, len);
  }

  private static double[] toDouble(float[] a, int off, int n) {
    double[] d = new double[n];
    for (int k = 0; k < n; k++) {
      d[k] = a[off + k];
    }
    return d;
  }

  /** {@link #logSumExp} skips the terms this far below the maximum. */
  static final double LOG_SUM_EXP_CUT = 25;

  /** log(exp(extra) + sum exp(v[0..n))). */
  static double logSumExp(double[] v, int n, double extra) {
    double max = extra;
    for (int k = 0; k < n; k++) {
      max = Math.max(max, v[k]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    // Terms more than 25 below the maximum change the sum by < 1e-10 relative: skip their exp (most
    // words of a large lexicon), which keeps 90k-word posteriors cheap.
    double cut = max - LOG_SUM_EXP_CUT;
    double s = extra > cut ? Math.exp(extra - max) : 0;
    for (int k = 0; k < n; k++) {
      double x = v[k];
      if (x > cut) {
        s += Math.exp(x - max);
      }
    }
    return max + Math.log(s);
  }

  private static double clamp(double p) {
    return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
  }
}
