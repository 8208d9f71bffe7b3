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
 *
 * <p>With a {@code printRatio} above 0, that share of the non-short samples are print forms, texts as they
 * occur in print, so that a recognizer of case and punctuation sees them in training (a word list has
 * none). Each is 1 to 23 characters, no spaces, from 0-9, a-z, A-Z and
 * {@code . , ; : ! ? ' " - ( ) [ ] / & % $ € £ @ # + * =}, of one of these kinds:
 *
 * <table>
 *   <caption>Print forms</caption>
 *   <tr><th>kind</th><th>share</th><th>forms</th></tr>
 *   <tr><td>punctuated</td><td>30 %</td><td>{@code word.} {@code Word,} {@code WORD?}: a dictionary word and
 *       {@code .} or {@code ,} (30 % each) or {@code ; : ! ?} (10 % each)</td></tr>
 *   <tr><td>wrapped</td><td>10 %</td><td>{@code "word"} {@code 'word'} {@code (word)} {@code [word]}
 *       {@code "word} {@code word"} {@code (word} {@code word)} {@code "word,} {@code (word).}
 *       {@code "word."} {@code word),} (1/12 each)</td></tr>
 *   <tr><td>contraction</td><td>8 %</td><td>{@code word's} (40 %), {@code words'} (15 %), {@code don't}
 *       and 17 other negations (25 %), {@code I'll} {@code we're} and 27 other pronoun forms (20 %)</td></tr>
 *   <tr><td>hyphenated</td><td>8 %</td><td>{@code word-word} (60 %), line-end {@code hyphen-} (40 %: a word of
 *       4 or more characters cut after 2 to length-2 of them)</td></tr>
 *   <tr><td>price</td><td>10 %</td><td>{@code $19.99} {@code €3} {@code £1,299} (60 %: $ 40 %, € and £ 30 %
 *       each; 1-4 digits, half with cents), {@code 12%} {@code -4.5%} {@code +3%} (40 %)</td></tr>
 *   <tr><td>date</td><td>8 %</td><td>{@code 12/05/2026} {@code 5/12/26} {@code 2026-12-05} {@code 05.12.26}
 *       {@code 05.12.2026} (1/5 each; valid days, years 1950-2039)</td></tr>
 *   <tr><td>time</td><td>6 %</td><td>{@code 10:45} {@code 09:05} (40 %), {@code 23:59:07} (15 %),
 *       {@code 9:05am} {@code 11:30PM} (30 %), {@code 9am} (15 %)</td></tr>
 *   <tr><td>code</td><td>10 %</td><td>{@code AB-1234} {@code #12} {@code @name7} {@code A+B} {@code R&D}
 *       {@code 3*4=12} {@code x=5} {@code No.7} {@code and/or} {@code word*} (1/10 each)</td></tr>
 *   <tr><td>number</td><td>10 %</td><td>{@code 1,234} {@code 10,000.50} (50 %: 4-7 digits, a quarter with
 *       cents), {@code 3.14} {@code 0.5} (40 %), {@code -12} {@code -0.5} (10 %)</td></tr>
 * </table>
 *
 * <p>The case mode ({@link CaseMode#MIXED} resolved per text) applies to every letter of a print form: LOWER
 * and UPPER to the whole text, CAPITALIZED to the first letter of its first dictionary word (an {@code @handle}
 * stays lowercase), while letters outside dictionary words (code prefixes, am/pm, the pronoun I, {@code No.})
 * keep their print case. Dictionary words
 * with other characters, or too long for the form, are redrawn (8 tries, then a random lowercase
 * alphanumeric string stands in). A print form is never a plain dictionary word, so its
 * {@link Word#random()} is true; its {@link Word#lexiconIndex()} is that of its lowercase letters and digits
 * ({@code Don't.} has the index of {@code dont}), or -1. The number draw comes after the print draw, so with
 * both ratios above 0 numbers are {@code numberRatio} of the samples that are neither short nor print.
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
  private final double printRatio;
  private final PrintForms printForms;
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
    this(lexicon, randomStringRatio, caseMode, maxRandomLength, shortWordRatio, numberRatio, 0);
  }

  public WordSource(Lexicon lexicon, double randomStringRatio, CaseMode caseMode, int maxRandomLength,
      double shortWordRatio, double numberRatio, double printRatio) {
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
    if (!(printRatio >= 0 && printRatio <= 1)) {
      throw new IllegalArgumentException("printRatio must be in [0,1], got " + printRatio);
    }
    this.printRatio = printRatio;
    this.printForms = new PrintForms(lexicon, caseMode);
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
    if (printRatio > 0 && r.nextDouble() < printRatio) {
      return printForms.next(r);
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
