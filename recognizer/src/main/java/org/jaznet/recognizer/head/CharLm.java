package org.jaznet.recognizer.head;

import java.util.Arrays;
import java.util.List;

/**
 * A character N-gram language model over the 36 symbols of the standard protocol (0-9, a-z) plus an
 * end-of-word symbol, estimated from a word list (each distinct word counted once) with Witten-Bell
 * interpolation down to a uniform distribution over the 37 outcomes. Words start with a start-of-word
 * context, so the model knows which letters begin words and which end them.
 *
 * <p>A context ("history") of up to {@code order - 1} symbols is packed into a long, 6 bits a symbol
 * (values 1-37: code + 1, and 37 for start-of-word; 0 means "no symbol"), newest symbol lowest. A
 * k-symbol history therefore lies in [2^(6(k-1)), 2^(6k)), so sorting the packed keys sorts them by
 * order first, which is what the estimation relies on. Seen (history, symbol) pairs keep their
 * interpolated log-probability; unseen ones back off through the history's log-weight
 * log(T(h) / (C(h) + T(h))) as in an ARPA file. Immutable and thread-safe.
 *
 * <p>Lowercase for PRINT models too: it scores only the standard form (the CTC beam search over the folded lattice,
 * the fused candidates), and case and punctuation are read after the fusion ({@link CaseRestorer}).
 */
public final class CharLm {
  /** The end-of-word outcome. */
  public static final int END = CharCodec.NULL;
  /** Outcomes: 36 symbols and the end of the word. */
  public static final int OUTCOMES = CharCodec.SYMBOLS;
  private static final long START = 37;
  private static final int BITS = 6;
  private static final long MASK = (1L << BITS) - 1;
  private static final double LOG_UNIFORM = -Math.log(OUTCOMES);

  private final int order;
  /** Sorted (history << 6 | outcome) of every seen pair. */
  private final long[] keys;
  /** Interpolated log p(outcome | history) of each key. */
  private final float[] logProb;
  /** Sorted seen histories (0 = the empty history). */
  private final long[] histories;
  /** log(T / (C + T)) of each history: the weight of the lower order. */
  private final float[] backoff;

  private CharLm(int order, long[] keys, float[] logProb, long[] histories, float[] backoff) {
    this.order = order;
    this.keys = keys;
    this.logProb = logProb;
    this.histories = histories;
    this.backoff = backoff;
  }

  /**
   * Estimates a model of the given order (2-6: up to 5 symbols of history) from {@code words}, which
   * are normalised first; words that normalise to nothing are skipped, duplicates count once.
   *
   * @throws IllegalArgumentException for another order or a list without a usable word
   */
  public static CharLm of(List<String> words, int order) {
    if (order < 2 || order > 6) {
      throw new IllegalArgumentException("character LM order must be in [2, 6], got " + order);
    }
    String[] distinct = words.stream().map(CharCodec::normalise).filter(w -> !w.isEmpty()).distinct()
        .toArray(String[]::new);
    if (distinct.length == 0) {
      throw new IllegalArgumentException("no word with a letter or digit to estimate a character LM from");
    }
    // every event (history of each length 0..order-1 that the word provides, outcome)
    long total = 0;
    for (String w : distinct) {
      total += (long) (w.length() + 1) * order;
    }
    long[] events = new long[Math.toIntExact(total)];
    int n = 0;
    for (String w : distinct) {
      long h = START;
      int available = 1;
      for (int i = 0; i <= w.length(); i++) {
        int outcome = i < w.length() ? CharCodec.code(w.charAt(i)) : END;
        for (int k = 0; k < order && k <= available; k++) {
          events[n++] = (truncate(h, k) << BITS) | outcome;
        }
        if (i < w.length()) {
          h = truncate((h << BITS) | (outcome + 1), order - 1);
          available = Math.min(available + 1, order - 1);
        }
      }
    }
    Arrays.sort(events, 0, n);
    // distinct keys with counts
    long[] keys = new long[n];
    int[] counts = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m > 0 && keys[m - 1] == events[i]) {
        counts[m - 1]++;
      } else {
        keys[m] = events[i];
        counts[m++] = 1;
      }
    }
    keys = Arrays.copyOf(keys, m);
    // histories: C(h) and T(h) from runs of equal history (keys are history-major)
    long[] hist = new long[m];
    int[] histTotal = new int[m];
    int[] histTypes = new int[m];
    int hn = 0;
    for (int i = 0; i < m; i++) {
      long h = keys[i] >>> BITS;
      if (hn == 0 || hist[hn - 1] != h) {
        hist[hn++] = h;
      }
      histTotal[hn - 1] += counts[i];
      histTypes[hn - 1]++;
    }
    long[] histories = Arrays.copyOf(hist, hn);
    float[] backoff = new float[hn];
    for (int j = 0; j < hn; j++) {
      backoff[j] = (float) Math.log((double) histTypes[j] / (histTotal[j] + histTypes[j]));
    }
    float[] logProb = new float[m];
    CharLm lm = new CharLm(order, keys, logProb, histories, backoff);
    // ascending key order is ascending history length, so every lower order is final when it is read
    int j = 0;
    for (int i = 0; i < m; i++) {
      long h = keys[i] >>> BITS;
      while (histories[j] != h) {
        j++;
      }
      int outcome = (int) (keys[i] & MASK);
      double lower = h == 0 ? LOG_UNIFORM : lm.logProb(dropOldest(h), outcome);
      double p = (counts[i] + histTypes[j] * Math.exp(lower)) / (histTotal[j] + histTypes[j]);
      logProb[i] = (float) Math.log(p);
    }
    return lm;
  }

  public int order() {
    return order;
  }

  /** Number of stored (history, outcome) pairs. */
  public int size() {
    return keys.length;
  }

  /** The history before a word's first symbol. */
  public long start() {
    return START;
  }

  /** The history after {@code code} (0-35) follows {@code history}. */
  public long next(long history, int code) {
    return truncate((history << BITS) | (code + 1), order - 1);
  }

  /** log p(outcome | history); {@code outcome} a code 0-35 or {@link #END}. */
  public double logProb(long history, int outcome) {
    double bo = 0;
    long h = history;
    while (true) {
      int i = Arrays.binarySearch(keys, (h << BITS) | outcome);
      if (i >= 0) {
        return bo + logProb[i];
      }
      int j = Arrays.binarySearch(histories, h);
      if (j >= 0) {
        bo += backoff[j];
      }
      if (h == 0) {
        return bo + LOG_UNIFORM;
      }
      h = dropOldest(h);
    }
  }

  /**
   * log p(word): each symbol given the ones before it (from the start of the word), then the end of the
   * word. The word is normalised first; the empty word scores log p(end | start).
   */
  public double logProb(String word) {
    return logProbNormalised(CharCodec.normalise(word));
  }

  /** {@link #logProb(String)} of a word already normalised (only 0-9 and a-z). */
  double logProbNormalised(String w) {
    long h = START;
    double s = 0;
    for (int i = 0; i < w.length(); i++) {
      int c = CharCodec.code(w.charAt(i));
      s += logProb(h, c);
      h = next(h, c);
    }
    return s + logProb(h, END);
  }

  /** The newest {@code k} symbols of a history. */
  private static long truncate(long h, int k) {
    return k == 0 ? 0 : h & ((1L << (BITS * k)) - 1);
  }

  /** The history without its oldest symbol. */
  private static long dropOldest(long h) {
    int symbols = (64 - Long.numberOfLeadingZeros(h) + BITS - 1) / BITS;
    return truncate(h, symbols - 1);
  }
}
