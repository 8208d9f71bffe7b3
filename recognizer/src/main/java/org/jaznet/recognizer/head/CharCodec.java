package org.jaznet.recognizer.head;

import java.util.List;
import java.util.Locale;
import org.jaznet.recognizer.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The CHAR head's alphabet over 23 positions: a {@link SymbolSet}'s symbols and the end (null) symbol after them.
 * Over {@link SymbolSet#LOWER} (every model before the CHAR head could read PRINT, {@link #INSTANCE}): 0-9 (codes
 * 0-9), a-z (10-35), null (36); words are lowercased, non-alphanumerics dropped. Over {@link SymbolSet#PRINT}
 * ({@link #of}): the set's 86 symbols and the end at 86; words are read as the set reads them
 * ({@link SymbolSet#normalise}). Either way truncated to 23 characters.
 *
 * <p>The static methods and constants describe the standard (LOWER) layout, which every decoder scores against: a
 * PRINT head's probabilities are first folded to it ({@link #fold}).
 */
public final class CharCodec implements HeadCodec {
  public static final int POSITIONS = 23;
  public static final int SYMBOLS = 37;
  public static final int NULL = 36;
  /** The head over {@link SymbolSet#LOWER}. */
  public static final CharCodec INSTANCE = new CharCodec(SymbolSet.LOWER);
  private static final CharCodec PRINT = new CharCodec(SymbolSet.PRINT);

  private final SymbolSet set;

  private CharCodec(SymbolSet set) {
    this.set = set;
  }

  /** The codec of a CHAR head over {@code set}. */
  public static CharCodec of(SymbolSet set) {
    return set == SymbolSet.PRINT ? PRINT : INSTANCE;
  }

  public SymbolSet set() {
    return set;
  }

  /** Outputs per position: the set's symbols and the end (37 for LOWER, 87 for PRINT). */
  public int symbols() {
    return set.classes();
  }

  /** The end symbol's code (the last output of a position). */
  public int end() {
    return set.blank();
  }

  /** One image's outputs: {@link #symbols()} x 23. */
  public int width() {
    return symbols() * POSITIONS;
  }

  /** The CHAR head over the symbol set whose head has {@code symbols} outputs per position. */
  public static CharCodec withSymbols(int symbols) {
    return of(SymbolSet.withClasses(symbols));
  }

  /** Standard protocol normalisation: lowercase (root locale), only 0-9 and a-z kept. */
  public static String normalise(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** True when the word consists only of 0-9 and a-z. */
  public static boolean isNormalised(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (code(word.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The code of a normalised character, or -1 when it is not in the alphabet. */
  public static int code(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
      return 10 + c - 'a';
    }
    return -1;
  }

  public static char symbol(int code) {
    if (code < 0 || code >= NULL) {
      throw new IllegalArgumentException("code must be in [0, 36), got " + code);
    }
    return code < 10 ? (char) ('0' + code) : (char) ('a' + code - 10);
  }

  /** The 23 codes of a word (normalised first), null-padded. */
  public static int[] encode(String word) {
    String w = normalise(word);
    int[] codes = new int[POSITIONS];
    for (int p = 0; p < POSITIONS; p++) {
      codes[p] = p < w.length() ? code(w.charAt(p)) : NULL;
    }
    return codes;
  }

  @Override
  public HeadKind head() {
    return HeadKind.CHAR;
  }

  /** The 23 codes of a word in this head's set (read as the set reads it), end-padded. */
  public int[] setCodes(String word) {
    if (set == SymbolSet.LOWER) {
      return encode(word);
    }
    String w = set.normalise(word);
    int[] codes = new int[POSITIONS];
    for (int p = 0; p < POSITIONS; p++) {
      codes[p] = p < w.length() ? set.code(w.charAt(p)) : end();
    }
    return codes;
  }

  /** One-hot targets [N, symbols, 23] (symbols: 37 for LOWER, 87 for PRINT). */
  @Override
  public INDArray targets(List<String> words) {
    int width = width();
    float[] data = new float[words.size() * width];
    for (int i = 0; i < words.size(); i++) {
      writeTargets(words.get(i), data, i * width);
    }
    return Nd4j.create(data, new long[] {words.size(), symbols(), POSITIONS}, 'c');
  }

  /** Writes one word's one-hot [symbols, 23] block ('c' order: symbol * 23 + position) at {@code offset}. */
  public void writeTargets(String word, float[] dst, int offset) {
    int[] codes = setCodes(word);
    java.util.Arrays.fill(dst, offset, offset + width(), 0f);
    for (int p = 0; p < POSITIONS; p++) {
      dst[offset + codes[p] * POSITIONS + p] = 1f;
    }
  }

  /**
   * One image's probabilities in the standard layout ([37, 23], symbol * 23 + position, as a LOWER head gives):
   * per position p(a) + p(A) for each letter, digits and the end as they are, divided by their sum, so that the
   * punctuation's mass is spread over the rest in proportion (p(symbol | not punctuation)). Punctuation has no place
   * in the standard form, and unlike a CTC lattice, where a mark folds into the blank, a mark here holds a position
   * the standard form gives to the next letter: counting it as the end would score the word as cut off there. For a
   * LOWER head, a copy of its 37 x 23 values.
   *
   * @param probs the head's probabilities, symbol * 23 + position from {@code offset}
   */
  public float[] fold(float[] probs, int offset) {
    if (set == SymbolSet.LOWER) {
      return java.util.Arrays.copyOfRange(probs, offset, offset + SYMBOLS * POSITIONS);
    }
    float[] out = new float[SYMBOLS * POSITIONS];
    double[] column = new double[SYMBOLS];
    for (int p = 0; p < POSITIONS; p++) {
      java.util.Arrays.fill(column, 0);
      column[NULL] = probs[offset + end() * POSITIONS + p];
      for (int c = 0; c < set.size(); c++) {
        int f = set.foldedCode(c);
        if (f >= 0) {
          column[f] += probs[offset + c * POSITIONS + p];
        }
      }
      double sum = 0;
      for (double v : column) {
        sum += v;
      }
      for (int s = 0; s < SYMBOLS; s++) {
        // a position that is all punctuation (in float) says nothing about the standard form: uniform
        out[s * POSITIONS + p] = (float) (sum > 0 ? column[s] / sum : 1.0 / SYMBOLS);
      }
    }
    return out;
  }

  /**
   * Unconstrained reading of one output in this head's set: argmax per position up to the first end (with case and
   * punctuation for PRINT; {@link #decode} for LOWER).
   *
   * @param probs one image's [symbols, 23] probabilities in 'c' order (symbol * 23 + position) from {@code offset}
   */
  public String decodeFull(float[] probs, int offset) {
    if (set == SymbolSet.LOWER) {
      return decode(probs, offset);
    }
    return argmaxRead(probs, offset, symbols(), end(), set::symbol);
  }

  @Override
  public INDArray labelMask(List<String> words) {
    return null;
  }

  /**
   * Unconstrained reading of one CHAR output: argmax per position up to the first null.
   *
   * @param probs one image's [37, 23] probabilities in 'c' order (symbol * 23 + position)
   */
  public static String decode(float[] probs, int offset) {
    return argmaxRead(probs, offset, SYMBOLS, NULL, CharCodec::symbol);
  }

  /** The likeliest symbol at each position, up to the first {@code end}. */
  private static String argmaxRead(float[] probs, int offset, int symbols, int end,
      java.util.function.IntFunction<Character> symbol) {
    StringBuilder sb = new StringBuilder();
    for (int p = 0; p < POSITIONS; p++) {
      int best = 0;
      float bestP = -1;
      for (int s = 0; s < symbols; s++) {
        float v = probs[offset + s * POSITIONS + p];
        if (v > bestP) {
          bestP = v;
          best = s;
        }
      }
      if (best == end) {
        break;
      }
      sb.append(symbol.apply(best));
    }
    return sb.toString();
  }
}
