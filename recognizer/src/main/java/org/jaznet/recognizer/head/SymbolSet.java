package org.jaznet.recognizer.head;

import java.util.Locale;

/**
 * The symbols a model's CTC head reads, written in the model file ({@code "symbols"}; files without it
 * are {@link #LOWER}), and those its CHAR head reads ({@code "charSymbols"}, {@link CharCodec#of}; likewise). Codes 0-35 are 0-9 and a-z in every set, so a {@link #PRINT} head starts from a
 * {@link #LOWER} head's weights by copying rows, and the CTC blank is the last class ({@link #blank()}).
 *
 * <p>The standard protocol's reading of a {@link #PRINT} head comes from its <em>folded</em> lattice
 * ({@link CtcCodec#fold}): per step, p(a) + p(A) for each letter and p(blank) + p(any punctuation) for the
 * blank, so every scoring path of the decoder (lexicons, the character LM, fusion with DICT, CHAR and
 * NGRAM) is unchanged; a PRINT CHAR head is folded the same way ({@link CharCodec#fold}). {@link CaseRestorer}
 * then reads the case and punctuation of the fused word from the CTC head's full lattice.
 */
public enum SymbolSet {
  /** 0-9 and a-z: the models before 2026-12-07. */
  LOWER("0123456789abcdefghijklmnopqrstuvwxyz"),
  /**
   * 0-9, a-z, A-Z and the punctuation of ordinary print ({@code . , ; : ! ? ' " - ( ) [ ] / & % $ € £ @ # + * =}):
   * 86 symbols.
   */
  PRINT("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:!?'\"-()[]/&%$\u20ac\u00a3@#+*=");

  /** The shared prefix: 0-9 then a-z. */
  public static final int ALNUM = 36;

  private final String symbols;
  private final int[] codes = new int[0x10000];

  SymbolSet(String symbols) {
    this.symbols = symbols;
    java.util.Arrays.fill(codes, -1);
    for (int i = 0; i < symbols.length(); i++) {
      codes[symbols.charAt(i)] = i;
    }
  }

  /** Number of symbols (the blank not counted). */
  public int size() {
    return symbols.length();
  }

  /** Output classes of a CTC head over this set: the symbols and the blank. */
  public int classes() {
    return symbols.length() + 1;
  }

  /** The blank's code (the last class). */
  public int blank() {
    return symbols.length();
  }

  /** The code of a character, or -1 when the set does not have it. */
  public int code(char c) {
    return codes[c];
  }

  public char symbol(int code) {
    if (code < 0 || code >= symbols.length()) {
      throw new IllegalArgumentException("code must be in [0, " + symbols.length() + "), got " + code);
    }
    return symbols.charAt(code);
  }

  /**
   * The code of the standard-protocol symbol this code folds to: itself for 0-9 and a-z, the lowercase
   * letter's for A-Z, -1 for punctuation (folds into the blank).
   */
  public int foldedCode(int code) {
    if (code < ALNUM) {
      return code;
    }
    char c = symbols.charAt(code);
    if (c >= 'A' && c <= 'Z') {
      return 10 + c - 'A';
    }
    return -1;
  }

  /**
   * A text as this set reads it: for {@link #LOWER} the standard protocol ({@link CharCodec#normalise});
   * for {@link #PRINT} typographic quotes and dashes as their ASCII forms, every other character outside the
   * set dropped.
   */
  public String normalise(String text) {
    if (this == LOWER) {
      return CharCodec.normalise(text);
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = ascii(text.charAt(i));
      if (codes[c] >= 0) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static char ascii(char c) {
    return switch (c) {
      case '\u2018', '\u2019', '\u201a', '\u2032', '`', '\u00b4' -> '\'';
      case '\u201c', '\u201d', '\u201e', '\u2033', '\u00ab', '\u00bb' -> '"';
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> '-';
      default -> c;
    };
  }

  /** The set whose CTC head has {@code classes} outputs per step. */
  public static SymbolSet withClasses(int classes) {
    for (SymbolSet s : values()) {
      if (s.classes() == classes) {
        return s;
      }
    }
    throw new IllegalArgumentException("no symbol set has " + classes + " CTC classes");
  }

  /** The set a model file names ({@code null}: a file written before sets existed, {@link #LOWER}). */
  public static SymbolSet fromFile(String name) {
    return name == null ? LOWER : valueOf(name.toUpperCase(Locale.ROOT));
  }
}
