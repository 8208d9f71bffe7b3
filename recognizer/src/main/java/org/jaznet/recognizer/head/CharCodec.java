package org.jaznet.recognizer.head;

import java.util.List;
import java.util.Locale;
import org.jaznet.recognizer.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The CHAR head's alphabet: 0-9 (codes 0-9), a-z (10-35), null (36) over 23 positions. Words are
 * lowercased, non-alphanumerics dropped, and truncated to 23 characters.
 */
public final class CharCodec implements HeadCodec {
  public static final int POSITIONS = 23;
  public static final int SYMBOLS = 37;
  public static final int NULL = 36;
  public static final CharCodec INSTANCE = new CharCodec();

  private CharCodec() {}

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

  /** One-hot targets [N, 37, 23]. */
  @Override
  public INDArray targets(List<String> words) {
    float[] data = new float[words.size() * SYMBOLS * POSITIONS];
    for (int i = 0; i < words.size(); i++) {
      writeTargets(words.get(i), data, i * SYMBOLS * POSITIONS);
    }
    return Nd4j.create(data, new long[] {words.size(), SYMBOLS, POSITIONS}, 'c');
  }

  /** Writes one word's one-hot [37, 23] block ('c' order: symbol * 23 + position) at {@code offset}. */
  public static void writeTargets(String word, float[] dst, int offset) {
    int[] codes = encode(word);
    java.util.Arrays.fill(dst, offset, offset + SYMBOLS * POSITIONS, 0f);
    for (int p = 0; p < POSITIONS; p++) {
      dst[offset + codes[p] * POSITIONS + p] = 1f;
    }
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
    StringBuilder sb = new StringBuilder();
    for (int p = 0; p < POSITIONS; p++) {
      int best = 0;
      float bestP = -1;
      for (int s = 0; s < SYMBOLS; s++) {
        float v = probs[offset + s * POSITIONS + p];
        if (v > bestP) {
          bestP = v;
          best = s;
        }
      }
      if (best == NULL) {
        break;
      }
      sb.append(symbol(best));
    }
    return sb.toString();
  }
}
