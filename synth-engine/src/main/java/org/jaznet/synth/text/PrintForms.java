package org.jaznet.synth.text;

import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jaznet.synth.CaseMode;
import org.jaznet.synth.Lexicon;

/**
 * The print forms of {@link WordSource}: words with punctuation attached, prices, dates, codes. The kinds,
 * their shares ({@link Kind#percent}) and the case rule are tabled in {@link WordSource}'s class comment.
 * Every text is 1 to {@value #MAX_LENGTH} characters from {@link #SYMBOLS}, built to fit rather than
 * truncated. Immutable and thread-safe; all randomness comes from the caller's generator, so a given
 * generator state always gives the same text.
 */
final class PrintForms {
  /** Every character a print form may contain. */
  static final String SYMBOLS =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:!?'\"-()[]/&%$\u20ac\u00a3@#+*=";
  /** Longest print form: the recognizer's label length. */
  static final int MAX_LENGTH = 23;
  static final int WORD_TRIES = 8;

  /** The kinds of print form, with their shares in percent. */
  enum Kind {
    PUNCTUATED(30), WRAPPED(10), CONTRACTION(8), HYPHENATED(8), PRICE(10), DATE(8), TIME(6), CODE(10), NUMBER(10);

    final int percent;

    Kind(int percent) {
      this.percent = percent;
    }
  }

  /** A drawn form and its kind (the kind for tests of the shares). */
  record Form(Kind kind, Word word) {}

  private static final Kind[] KIND_BY_PERCENT = new Kind[100];
  private static final CaseMode[] FIXED = {CaseMode.LOWER, CaseMode.UPPER, CaseMode.CAPITALIZED};
  private static final char[] PUNCTUATION = "...,,,;:!?".toCharArray();
  private static final String[] WRAP_BEFORE = {"\"", "'", "(", "[", "\"", "", "(", "", "\"", "(", "\"", ""};
  private static final String[] WRAP_AFTER = {"\"", "'", ")", "]", "", "\"", "", ")", ",", ").", ".\"", "),"};
  private static final String[] NEGATIONS = {"don't", "can't", "won't", "isn't", "aren't", "wasn't", "weren't",
      "doesn't", "didn't", "hasn't", "haven't", "hadn't", "couldn't", "wouldn't", "shouldn't", "mustn't",
      "ain't", "needn't"};
  private static final String[] PRONOUNS = {"I'm", "I'll", "I've", "I'd", "you're", "you'll", "you've",
      "you'd", "we're", "we'll", "we've", "we'd", "they're", "they'll", "they've", "they'd", "he's", "he'll",
      "he'd", "she's", "she'll", "she'd", "it's", "it'll", "that's", "there's", "let's", "what's", "who's"};
  private static final char[] CURRENCIES = "$$$$\u20ac\u20ac\u20ac\u00a3\u00a3\u00a3".toCharArray();
  private static final int[] MONTH_DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  private static final char[] ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final boolean[] ALLOWED = new boolean[0x10000];

  static {
    int k = 0;
    for (Kind kind : Kind.values()) {
      for (int i = 0; i < kind.percent; i++) {
        KIND_BY_PERCENT[k++] = kind;
      }
    }
    if (k != 100) {
      throw new ExceptionInInitializerError("print-form shares add up to " + k + " %, not 100 %");
    }
    for (int i = 0; i < SYMBOLS.length(); i++) {
      ALLOWED[SYMBOLS.charAt(i)] = true;
    }
  }

  private final Lexicon lexicon;
  private final CaseMode caseMode;

  PrintForms(Lexicon lexicon, CaseMode caseMode) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.caseMode = Objects.requireNonNull(caseMode, "caseMode");
  }

  /** True if every character of {@code s} is in {@link #SYMBOLS}. */
  static boolean allowed(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!ALLOWED[s.charAt(i)]) {
        return false;
      }
    }
    return true;
  }

  Word next(RandomGenerator r) {
    return draw(r).word();
  }

  Form draw(RandomGenerator r) {
    Kind kind = KIND_BY_PERCENT[r.nextInt(100)];
    CaseMode mode = caseMode == CaseMode.MIXED ? FIXED[r.nextInt(3)] : caseMode;
    String text = switch (kind) {
      case PUNCTUATED -> word(r, mode, 1, MAX_LENGTH - 1) + PUNCTUATION[r.nextInt(PUNCTUATION.length)];
      case WRAPPED -> wrapped(r, mode);
      case CONTRACTION -> contraction(r, mode);
      case HYPHENATED -> hyphenated(r, mode);
      case PRICE -> price(r);
      case DATE -> date(r);
      case TIME -> time(r);
      case CODE -> code(r, mode);
      case NUMBER -> number(r);
    };
    if (mode == CaseMode.LOWER) {
      text = text.toLowerCase(Locale.ROOT);
    } else if (mode == CaseMode.UPPER) {
      text = text.toUpperCase(Locale.ROOT);
    }
    return new Form(kind, new Word(text, lexicon.indexOf(alphanumericLowercase(text)), true));
  }

  /** The lowercase letters and digits of a text: the form whose lexicon index a print form carries. */
  static String alphanumericLowercase(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        b.append((char) (c + ('a' - 'A')));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A lowercase dictionary word of {@code min..max} characters from {@link #SYMBOLS}, capitalized when the
   * mode says so (LOWER and UPPER are applied to the whole text at the end).
   */
  private String word(RandomGenerator r, CaseMode mode, int min, int max) {
    String w = null;
    for (int t = 0; t < WORD_TRIES && w == null; t++) {
      String candidate = lexicon.get(r.nextInt(lexicon.size()));
      if (candidate.length() >= min && candidate.length() <= max && allowed(candidate)) {
        w = candidate.toLowerCase(Locale.ROOT);
      }
    }
    if (w == null) {
      int hi = Math.max(min, Math.min(max, 8));
      w = randomText(r, min + r.nextInt(hi - min + 1), ALNUM.length);
    }
    return mode == CaseMode.CAPITALIZED ? capitalized(w) : w;
  }

  private static String capitalized(String w) {
    return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private String wrapped(RandomGenerator r, CaseMode mode) {
    int i = r.nextInt(WRAP_BEFORE.length);
    int extra = WRAP_BEFORE[i].length() + WRAP_AFTER[i].length();
    return WRAP_BEFORE[i] + word(r, mode, 1, MAX_LENGTH - extra) + WRAP_AFTER[i];
  }

  private String contraction(RandomGenerator r, CaseMode mode) {
    int p = r.nextInt(100);
    if (p < 40) {
      return word(r, mode, 1, MAX_LENGTH - 2) + "'s";
    }
    if (p < 55) {
      String w = word(r, mode, 1, MAX_LENGTH - 2);
      return w.endsWith("s") ? w + "'" : w + "s'";
    }
    String fixed = p < 80 ? NEGATIONS[r.nextInt(NEGATIONS.length)] : PRONOUNS[r.nextInt(PRONOUNS.length)];
    return mode == CaseMode.CAPITALIZED ? capitalized(fixed) : fixed;
  }

  private String hyphenated(RandomGenerator r, CaseMode mode) {
    if (r.nextInt(100) < 60) {
      int half = (MAX_LENGTH - 1) / 2;
      return word(r, mode, 1, half) + "-" + word(r, CaseMode.LOWER, 1, half);
    }
    String w = word(r, mode, 4, MAX_LENGTH - 1);
    int cut = 2 + r.nextInt(w.length() - 3);
    return w.substring(0, cut) + "-";
  }

  private static String price(RandomGenerator r) {
    StringBuilder b = new StringBuilder();
    if (r.nextInt(100) < 60) {
      b.append(CURRENCIES[r.nextInt(CURRENCIES.length)]);
      int digits = 1 + r.nextInt(4);
      int value = digits == 1 ? r.nextInt(10) : pow10(digits - 1) + r.nextInt(9 * pow10(digits - 1));
      b.append(value >= 1000 && r.nextBoolean() ? grouped(value) : Integer.toString(value));
      if (r.nextBoolean()) {
        b.append('.').append(twoDigits(r.nextInt(100)));
      }
      return b.toString();
    }
    int sign = r.nextInt(10);
    if (sign < 2) {
      b.append('-');
    } else if (sign == 2) {
      b.append('+');
    }
    b.append(r.nextInt(101));
    if (r.nextInt(10) < 4) {
      b.append('.').append(r.nextInt(10));
    }
    return b.append('%').toString();
  }

  private static String date(RandomGenerator r) {
    int month = 1 + r.nextInt(12);
    int day = 1 + r.nextInt(MONTH_DAYS[month - 1]);
    int year = 1950 + r.nextInt(90);
    String dd = twoDigits(day);
    String mm = twoDigits(month);
    String yy = twoDigits(year % 100);
    return switch (r.nextInt(5)) {
      case 0 -> dd + "/" + mm + "/" + year;
      case 1 -> month + "/" + day + "/" + yy;
      case 2 -> year + "-" + mm + "-" + dd;
      case 3 -> dd + "." + mm + "." + yy;
      default -> dd + "." + mm + "." + year;
    };
  }

  private static String time(RandomGenerator r) {
    int p = r.nextInt(100);
    String minutes = twoDigits(r.nextInt(60));
    if (p < 40) {
      int hour = r.nextInt(24);
      return (hour < 10 && r.nextBoolean() ? "0" + hour : Integer.toString(hour)) + ":" + minutes;
    }
    if (p < 55) {
      return twoDigits(r.nextInt(24)) + ":" + minutes + ":" + twoDigits(r.nextInt(60));
    }
    int hour = 1 + r.nextInt(12);
    String half = r.nextBoolean() ? "am" : "pm";
    if (r.nextInt(3) == 0) {
      half = half.toUpperCase(Locale.ROOT);
    }
    return p < 85 ? hour + ":" + minutes + half : hour + half;
  }

  private String code(RandomGenerator r, CaseMode mode) {
    return switch (r.nextInt(10)) {
      case 0 -> upper(r, 1 + r.nextInt(3)) + "-" + digits(r, 2 + r.nextInt(4));
      case 1 -> "#" + (1 + r.nextInt(pow10(1 + r.nextInt(4)) - 1));
      case 2 -> "@" + word(r, CaseMode.LOWER, 1, 15) + (r.nextBoolean() ? digits(r, 1 + r.nextInt(2)) : "");
      case 3 -> r.nextBoolean() ? upper(r, 1) + "+" + upper(r, 1) : lower(r, 1) + "+" + lower(r, 1);
      case 4 -> upper(r, 1 + r.nextInt(2)) + "&" + upper(r, 1 + r.nextInt(2));
      case 5 -> arithmetic(r);
      case 6 -> assignment(r);
      case 7 -> (r.nextBoolean() ? "No." : "no.") + (1 + r.nextInt(pow10(1 + r.nextInt(3)) - 1));
      case 8 -> word(r, mode, 1, 10) + "/" + word(r, CaseMode.LOWER, 1, 10);
      default -> word(r, mode, 1, MAX_LENGTH - 1) + "*";
    };
  }

  /** {@code x=5}, {@code n=-12}: a lowercase letter, an integer of 1-3 digits, a fifth of them negative. */
  private static String assignment(RandomGenerator r) {
    String name = lower(r, 1);
    boolean negative = r.nextInt(5) == 0;
    int value = r.nextInt(pow10(1 + r.nextInt(3)));
    return name + "=" + (negative && value > 0 ? "-" : "") + value;
  }

  private static String arithmetic(RandomGenerator r) {
    int a = r.nextInt(100);
    int b = r.nextInt(100);
    return switch (r.nextInt(3)) {
      case 0 -> a + "+" + b + "=" + (a + b);
      case 1 -> Math.max(a, b) + "-" + Math.min(a, b) + "=" + Math.abs(a - b);
      default -> (a % 13) + "*" + (b % 13) + "=" + (a % 13) * (b % 13);
    };
  }

  private static String number(RandomGenerator r) {
    int p = r.nextInt(100);
    if (p < 50) {
      int digits = 4 + r.nextInt(4);
      String s = grouped(pow10(digits - 1) + r.nextInt(9 * pow10(digits - 1)));
      return r.nextInt(4) == 0 ? s + "." + twoDigits(r.nextInt(100)) : s;
    }
    if (p < 90) {
      return decimal(r);
    }
    return "-" + (r.nextBoolean() ? decimal(r) : Integer.toString(1 + r.nextInt(999)));
  }

  /** 1-3 integer digits (no leading zero but a lone 0), a point, 1-3 decimals: 3.14, 0.5, 120.075. */
  private static String decimal(RandomGenerator r) {
    int digits = 1 + r.nextInt(3);
    int whole = digits == 1 ? r.nextInt(10) : pow10(digits - 1) + r.nextInt(9 * pow10(digits - 1));
    return whole + "." + digits(r, 1 + r.nextInt(3));
  }

  /** Thousands separated by commas: 1,234,567. */
  private static String grouped(int value) {
    String s = Integer.toString(value);
    StringBuilder b = new StringBuilder(s.length() + s.length() / 3);
    for (int i = 0; i < s.length(); i++) {
      if (i > 0 && (s.length() - i) % 3 == 0) {
        b.append(',');
      }
      b.append(s.charAt(i));
    }
    return b.toString();
  }

  private static int pow10(int n) {
    int p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }

  private static String twoDigits(int v) {
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  private static String digits(RandomGenerator r, int n) {
    return randomText(r, n, 10);
  }

  private static String lower(RandomGenerator r, int n) {
    char[] cs = new char[n];
    for (int i = 0; i < n; i++) {
      cs[i] = (char) ('a' + r.nextInt(26));
    }
    return new String(cs);
  }

  private static String upper(RandomGenerator r, int n) {
    return lower(r, n).toUpperCase(Locale.ROOT);
  }

  private static String randomText(RandomGenerator r, int n, int alphabet) {
    char[] cs = new char[n];
    for (int i = 0; i < n; i++) {
      cs[i] = ALNUM[r.nextInt(alphabet)];
    }
    return new String(cs);
  }
}
