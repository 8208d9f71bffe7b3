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
 *
 * <p>With a {@code shortWordRatio} above 0, that share of the samples are short texts instead: a length
 * drawn uniformly from 1..{@value #SHORT_MAX}, then with even odds a dictionary word of that length (if
 * the dictionary has one) or a random string of that length. A dictionary drawn uniformly is mostly long
 * words (in the 90k list, 1.6 % have at most 4 characters), while short words are common in photographed
 * text; a recognizer trained on the uniform draw sees few of them, and a 32x100 input stretches them
 * far wider than it stretches long words.
 *
 * <p>With a {@code numberRatio} above 0, that share of the (non-short) samples are numbers: digits only,
 * a length drawn with even odds from 1..{@value #SHORT_MAX} or from 1..maxRandomLength. A random
 * alphanumeric string is 28 % digits, so digit-only texts (years, prices, house and phone numbers, common
 * in photographs) are almost absent from a stream without them.
 */
public final class WordSource {
  private static final char[] ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final CaseMode[] FIXED = {CaseMode.LOWER, CaseMode.UPPER, CaseMode.CAPITALIZED};

  private final Lexicon lexicon;
  private final double randomStringRatio;
  private final CaseMode caseMode;
  private final int maxRandomLength;
  private final double shortWordRatio;
  private final double numberRatio;
  /** Lexicon indices of the words of each length 1..SHORT_MAX ({@code byLength[L - 1]}). */
  private final int[][] byLength;

  /** Longest text of the short-word draw. */
  public static final int SHORT_MAX = 4;

  public WordSource(Lexicon lexicon, double randomStringRatio, CaseMode caseMode, int maxRandomLength) {
    this(lexicon, randomStringRatio, caseMode, maxRandomLength, 0);
  }

  public WordSource(Lexicon lexicon, double randomStringRatio, CaseMode caseMode, int maxRandomLength,
      double shortWordRatio) {
    this(lexicon, randomStringRatio, caseMode, maxRandomLength, shortWordRatio, 0);
  }

  public WordSource(Lexicon lexicon, double randomStringRatio, CaseMode caseMode, int maxRandomLength,
      double shortWordRatio, double numberRatio) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.caseMode = Objects.requireNonNull(caseMode, "caseMode");
    if (!(randomStringRatio >= 0 && randomStringRatio <= 1)) {
      throw new IllegalArgumentException("randomStringRatio must be in [0,1], got " + randomStringRatio);
    }
    if (maxRandomLength < 1) {
      throw new IllegalArgumentException("maxRandomLength must be >= 1, got " + maxRandomLength);
    }
    if (!(shortWordRatio >= 0 && shortWordRatio <= 1)) {
      throw new IllegalArgumentException("shortWordRatio must be in [0,1], got " + shortWordRatio);
    }
    if (!(numberRatio >= 0 && numberRatio <= 1)) {
      throw new IllegalArgumentException("numberRatio must be in [0,1], got " + numberRatio);
    }
    this.randomStringRatio = randomStringRatio;
    this.numberRatio = numberRatio;
    this.maxRandomLength = maxRandomLength;
    this.shortWordRatio = shortWordRatio;
    int[] counts = new int[SHORT_MAX];
    for (int i = 0; i < lexicon.size(); i++) {
      int len = lexicon.get(i).length();
      if (len >= 1 && len <= SHORT_MAX) {
        counts[len - 1]++;
      }
    }
    byLength = new int[SHORT_MAX][];
    for (int l = 0; l < SHORT_MAX; l++) {
      byLength[l] = new int[counts[l]];
      counts[l] = 0;
    }
    for (int i = 0; i < lexicon.size(); i++) {
      int len = lexicon.get(i).length();
      if (len >= 1 && len <= SHORT_MAX) {
        byLength[len - 1][counts[len - 1]++] = i;
      }
    }
  }

  /** Draws one word; always consumes the same number of draws from {@code r} for a given outcome. */
  public Word next(RandomGenerator r) {
    // no draw at all when the ratio is 0, so existing seeds keep their bytes
    if (shortWordRatio > 0 && r.nextDouble() < shortWordRatio) {
      return nextShort(r);
    }
    if (numberRatio > 0 && r.nextDouble() < numberRatio) {
      return nextNumber(r);
    }
    boolean random = r.nextDouble() < randomStringRatio;
    CaseMode mode = caseMode == CaseMode.MIXED ? FIXED[r.nextInt(3)] : caseMode;
    String base;
    if (random) {
      base = randomText(r, 1 + r.nextInt(maxRandomLength), ALNUM.length);
    } else {
      base = lexicon.get(r.nextInt(lexicon.size()));
    }
    String text = mode.apply(base);
    return new Word(text, lexicon.indexOf(text.toLowerCase(Locale.ROOT)), random);
  }

  /** {@code n} characters drawn from the first {@code alphabet} of {@link #ALNUM} (10: digits only). */
  private static String randomText(RandomGenerator r, int n, int alphabet) {
    char[] cs = new char[n];
    for (int i = 0; i < n; i++) {
      cs[i] = ALNUM[r.nextInt(alphabet)];
    }
    return new String(cs);
  }

  private Word nextNumber(RandomGenerator r) {
    int n = 1 + r.nextInt(r.nextBoolean() ? Math.min(SHORT_MAX, maxRandomLength) : maxRandomLength);
    String text = randomText(r, n, 10);
    return new Word(text, lexicon.indexOf(text), true);
  }

  private Word nextShort(RandomGenerator r) {
    int len = 1 + r.nextInt(SHORT_MAX);
    boolean fromDictionary = r.nextBoolean() && byLength[len - 1].length > 0;
    CaseMode mode = caseMode == CaseMode.MIXED ? FIXED[r.nextInt(3)] : caseMode;
    String base;
    if (fromDictionary) {
      int[] pool = byLength[len - 1];
      base = lexicon.get(pool[r.nextInt(pool.length)]);
    } else {
      base = randomText(r, len, ALNUM.length);
    }
    String text = mode.apply(base);
    return new Word(text, lexicon.indexOf(text.toLowerCase(Locale.ROOT)), !fromDictionary);
  }
}
