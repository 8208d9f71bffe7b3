package org.jaznet.synth.text;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jaznet.synth.CaseMode;
import org.jaznet.synth.Lexicon;

/**
 * Draws the text of a sample: a dictionary word (probability {@code 1 - randomStringRatio}) or a
 * random string of digits and letters of length 1..maxRandomLength, then the case. {@link CaseMode#MIXED}
 * picks lower / UPPER / Capitalized uniformly, as MJSynth. Immutable and thread-safe; all randomness
 * comes from the caller's generator.
 */
public final class WordSource {
  private static final char[] ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final CaseMode[] FIXED = {CaseMode.LOWER, CaseMode.UPPER, CaseMode.CAPITALIZED};

  private final Lexicon lexicon;
  private final double randomStringRatio;
  private final CaseMode caseMode;
  private final int maxRandomLength;

  public WordSource(Lexicon lexicon, double randomStringRatio, CaseMode caseMode, int maxRandomLength) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.caseMode = Objects.requireNonNull(caseMode, "caseMode");
    if (!(randomStringRatio >= 0 && randomStringRatio <= 1)) {
      throw new IllegalArgumentException("randomStringRatio must be in [0,1], got " + randomStringRatio);
    }
    if (maxRandomLength < 1) {
      throw new IllegalArgumentException("maxRandomLength must be >= 1, got " + maxRandomLength);
    }
    this.randomStringRatio = randomStringRatio;
    this.maxRandomLength = maxRandomLength;
  }

  /** Draws one word; always consumes the same number of draws from {@code r} for a given outcome. */
  public Word next(RandomGenerator r) {
    boolean random = r.nextDouble() < randomStringRatio;
    CaseMode mode = caseMode == CaseMode.MIXED ? FIXED[r.nextInt(3)] : caseMode;
    String base;
    if (random) {
      int n = 1 + r.nextInt(maxRandomLength);
      char[] cs = new char[n];
      for (int i = 0; i < n; i++) {
        cs[i] = ALNUM[r.nextInt(ALNUM.length)];
      }
      base = new String(cs);
    } else {
      base = lexicon.get(r.nextInt(lexicon.size()));
    }
    String text = mode.apply(base);
    return new Word(text, lexicon.indexOf(text.toLowerCase(Locale.ROOT)), random);
  }
}
