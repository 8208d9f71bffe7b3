package org.jaznet.recognizer.head;

import java.util.Arrays;
import java.util.List;
import org.jaznet.recognizer.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The CTC head's layout: {@value #STEPS} column steps x {@value #SYMBOLS} symbols (0-9 codes 0-9, a-z
 * 10-35, blank {@value #BLANK}), stored 'c' order as symbol * 25 + step (the layout of
 * {@link CharCodec}'s [37, 23] block). Targets write the word's codes at steps 0..L-1 and blank after
 * them; the CTC loss reads the codes back up to the first blank.
 *
 * <p>A head over {@link SymbolSet#PRINT} ({@link #of}) has {@link SymbolSet#classes()} symbols per step
 * instead of 37; its full lattice ({@link #fullLogSoftmax}) folds to the 37-symbol standard lattice
 * ({@link #fold}) that the static methods here and every decoder read. The static constants describe that
 * standard lattice.
 *
 * <p>Scores are CTC log-likelihoods (the forward algorithm over every alignment) computed from the
 * per-step log-probabilities ({@link #logSoftmax}).
 */
public final class CtcCodec implements HeadCodec {
  public static final int STEPS = 25;
  public static final int SYMBOLS = 37;
  public static final int BLANK = 36;
  public static final int WIDTH = STEPS * SYMBOLS;
  /** Longest word the head can read (CHAR's limit; CTC also needs a blank between repeated letters). */
  public static final int MAX_LENGTH = CharCodec.POSITIONS;
  /** The head over {@link SymbolSet#LOWER} (the models before 2026-12-07). */
  public static final CtcCodec INSTANCE = new CtcCodec(SymbolSet.LOWER);
  private static final CtcCodec PRINT = new CtcCodec(SymbolSet.PRINT);

  private final SymbolSet set;

  private CtcCodec(SymbolSet set) {
    this.set = set;
  }

  /** The codec of a head over {@code set}. */
  public static CtcCodec of(SymbolSet set) {
    return set == SymbolSet.PRINT ? PRINT : INSTANCE;
  }

  public SymbolSet set() {
    return set;
  }

  /** The head's output width: 25 steps x the set's classes. */
  public int width() {
    return STEPS * set.classes();
  }

  @Override
  public HeadKind head() {
    return HeadKind.CTC;
  }

  /**
   * Targets [N, 25 x classes]: one-hot codes at steps 0..L-1, blank after (see the class comment); words
   * are read as the set reads them ({@link SymbolSet#normalise}).
   */
  @Override
  public INDArray targets(List<String> words) {
    int width = width();
    float[] data = new float[words.size() * width];
    for (int i = 0; i < words.size(); i++) {
      int[] codes = setCodes(words.get(i));
      int off = i * width;
      for (int t = 0; t < STEPS; t++) {
        int c = t < codes.length ? codes[t] : set.blank();
        data[off + c * STEPS + t] = 1f;
      }
    }
    return Nd4j.create(data, new long[] {words.size(), width}, 'c');
  }

  /** The codes of a word in this head's set (normalised by the set, truncated to {@link #MAX_LENGTH}). */
  public int[] setCodes(String word) {
    String w = set.normalise(word);
    int n = Math.min(w.length(), MAX_LENGTH);
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) {
      codes[i] = set.code(w.charAt(i));
    }
    return codes;
  }

  /**
   * Per-step log-softmax of one image's logits over this head's classes, step-major ([25][classes]).
   *
   * @param logits the head's raw output, symbol * 25 + step from {@code offset}
   */
  public double[] fullLogSoftmax(float[] logits, int offset) {
    double[] lp = new double[width()];
    logSoftmax(logits, offset, set.classes(), STEPS, lp);
    return lp;
  }

  /**
   * The standard lattice ([25][37] step-major, as {@link #logSoftmax(float[], int)} gives for a LOWER
   * head) of a full one: each lowercase letter gets its capital's probability added, the blank every
   * punctuation mark's. For a LOWER head, the full lattice itself.
   */
  public double[] fold(double[] full) {
    if (set == SymbolSet.LOWER) {
      return full;
    }
    int classes = set.classes();
    double[] out = new double[WIDTH];
    for (int t = 0; t < STEPS; t++) {
      int row = t * classes;
      int o = t * SYMBOLS;
      java.util.Arrays.fill(out, o, o + SYMBOLS, Double.NEGATIVE_INFINITY);
      out[o + BLANK] = full[row + set.blank()];
      for (int c = 0; c < set.size(); c++) {
        int f = set.foldedCode(c);
        int dst = o + (f < 0 ? BLANK : f);
        out[dst] = logAdd(out[dst], full[row + c]);
      }
    }
    return out;
  }

  /** Greedy (best path) reading over this head's full lattice ({@link #fullLogSoftmax}). */
  public String decodeFull(double[] full) {
    int classes = set.classes();
    int blank = set.blank();
    StringBuilder sb = new StringBuilder();
    int previous = blank;
    for (int t = 0; t < STEPS; t++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (full[t * classes + c] > full[t * classes + best]) {
          best = c;
        }
      }
      if (best != blank && best != previous) {
        sb.append(set.symbol(best));
      }
      previous = best;
    }
    return sb.toString();
  }

  @Override
  public INDArray labelMask(List<String> words) {
    return null;
  }

  /** The codes of a word (normalised first, truncated to {@link #MAX_LENGTH}). */
  public static int[] codes(String word) {
    String w = CharCodec.normalise(word);
    int n = Math.min(w.length(), MAX_LENGTH);
    int[] codes = new int[n];
    for (int i = 0; i < n; i++) {
      codes[i] = CharCodec.code(w.charAt(i));
    }
    return codes;
  }

  /**
   * Per-step log-softmax of one image's logits, returned step-major ([25][37] flattened as
   * step * 37 + symbol) for the scoring loops.
   *
   * @param logits the head's raw output, symbol * 25 + step from {@code offset}
   */
  public static double[] logSoftmax(float[] logits, int offset) {
    double[] lp = new double[WIDTH];
    logSoftmax(logits, offset, SYMBOLS, STEPS, lp);
    return lp;
  }

  /**
   * The same for any shape: logits symbol * steps + step from {@code offset}, written step-major
   * (step * symbols + symbol) into {@code lp}.
   */
  public static void logSoftmax(float[] logits, int offset, int symbols, int steps, double[] lp) {
    for (int t = 0; t < steps; t++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < symbols; c++) {
        max = Math.max(max, logits[offset + c * steps + t]);
      }
      double sum = 0;
      for (int c = 0; c < symbols; c++) {
        sum += Math.exp(logits[offset + c * steps + t] - max);
      }
      double log = max + Math.log(sum);
      for (int c = 0; c < symbols; c++) {
        lp[t * symbols + c] = logits[offset + c * steps + t] - log;
      }
    }
  }

  /** Greedy (best path) reading: argmax per step, repeats merged, blanks removed. */
  public static String decode(double[] logProbs) {
    return INSTANCE.decodeFull(logProbs);
  }

  /**
   * Best path over the blank and the symbols with codes {@code from..to-1} only (digits: 0, 10): argmax per
   * step among them, repeats merged, blanks removed. When that path is all blank, the one symbol of the
   * range with the highest log-probability at any step, so the reading is never empty. The best reading
   * of one kind of text (numbers, say) that the unconstrained best path may mix with look-alikes of
   * another ({@code 3o} for {@code 30}).
   */
  public static String decodeWithin(double[] logProbs, int from, int to) {
    if (from < 0 || to > BLANK || from >= to) {
      throw new IllegalArgumentException("symbol range must lie in [0, " + BLANK + "), got " + from + ".." + to);
    }
    StringBuilder sb = new StringBuilder();
    int previous = BLANK;
    int single = from;
    double singleLp = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < STEPS; t++) {
      int row = t * SYMBOLS;
      int best = BLANK;
      for (int c = from; c < to; c++) {
        double lp = logProbs[row + c];
        if (lp > logProbs[row + best]) {
          best = c;
        }
        if (lp > singleLp) {
          singleLp = lp;
          single = c;
        }
      }
      if (best != BLANK && best != previous) {
        sb.append(CharCodec.symbol(best));
      }
      previous = best;
    }
    return sb.length() > 0 ? sb.toString() : String.valueOf(CharCodec.symbol(single));
  }

  /**
   * log p(word | image) summed over all CTC alignments; -infinity when the word cannot be aligned
   * within 25 steps.
   *
   * @param logProbs step-major log-probabilities from {@link #logSoftmax}
   */
  public static double logLikelihood(double[] logProbs, int[] codes) {
    int s = 2 * codes.length + 1;
    double[] alpha = new double[s];
    double[] next = new double[s];
    Arrays.fill(alpha, Double.NEGATIVE_INFINITY);
    alpha[0] = logProbs[BLANK];
    if (s > 1) {
      alpha[1] = logProbs[codes[0]];
    }
    for (int t = 1; t < STEPS; t++) {
      int row = t * SYMBOLS;
      for (int k = 0; k < s; k++) {
        int sym = (k & 1) == 0 ? BLANK : codes[k >> 1];
        double a = alpha[k];
        if (k >= 1) {
          a = logAdd(a, alpha[k - 1]);
        }
        if (k >= 2 && sym != BLANK && sym != codes[(k >> 1) - 1]) {
          a = logAdd(a, alpha[k - 2]);
        }
        next[k] = a + logProbs[row + sym];
      }
      double[] tmp = alpha;
      alpha = next;
      next = tmp;
    }
    return s > 1 ? logAdd(alpha[s - 1], alpha[s - 2]) : alpha[0];
  }

  /**
   * log(exp a + exp b), exact at -infinity. Uses {@code Math.log(1 + x)} rather than {@code Math.log1p}:
   * on Java 17 log1p is the unintrinsified StrictMath routine, several times slower, and the absolute
   * error of log(1 + x) (at most about 1e-16) is far below anything a score comparison can see.
   */
  public static double logAdd(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    return a > b ? a + Math.log(1 + Math.exp(b - a)) : b + Math.log(1 + Math.exp(a - b));
  }
}
