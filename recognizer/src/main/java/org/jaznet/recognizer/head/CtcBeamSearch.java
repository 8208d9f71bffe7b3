package org.jaznet.recognizer.head;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CTC prefix beam search with a character language model (shallow fusion): a prefix y scores
 * {@code ctcWeight * log p_ctc(y) + lmWeight * log p_lm(y) + lengthBonus * |y|}, where p_ctc sums every
 * alignment of y to the steps seen so far (blank-ending and symbol-ending parts kept apart, as CTC's
 * prefix search needs) and, for a finished reading, p_lm includes the end of the word. At each step only
 * symbols within {@value #PRUNE} nats of the step's best are tried. Stateless; thread-safe.
 */
public final class CtcBeamSearch {
  /** Symbols further below a step's best log-probability are not tried. */
  static final double PRUNE = 9.0;

  private CtcBeamSearch() {}

  /** A reading and its search score (log scale, see the class comment). */
  public record Hypothesis(String text, double score) {}

  private static final class Beam extends CtcPrefix {
    final long history;
    final double lm;

    Beam(String text, long history, int last, double lm) {
      super(text, last);
      this.history = history;
      this.lm = lm;
    }
  }

  /**
   * The best {@code topK} readings of one image.
   *
   * @param logProbs step-major CTC log-probabilities ({@link CtcCodec#logSoftmax})
   * @param lm the language model; {@code lmWeight} 0 with a null model is a plain prefix beam search
   * @param width prefixes kept per step (at least 1)
   */
  public static List<Hypothesis> search(double[] logProbs, CharLm lm, double ctcWeight, double lmWeight,
      double lengthBonus, int width, int topK) {
    if (width < 1 || topK < 1) {
      throw new IllegalArgumentException("beam width and topK must be >= 1, got " + width + " and " + topK);
    }
    if (lm == null && lmWeight != 0) {
      throw new IllegalArgumentException("a language-model weight needs a language model");
    }
    final int s = CtcCodec.SYMBOLS;
    final int blankCode = CtcCodec.BLANK;
    List<Beam> beams = new ArrayList<>();
    Beam empty = new Beam("", lm == null ? 0 : lm.start(), -1, 0);
    empty.blank = 0;
    beams.add(empty);
    for (int t = 0; t < CtcCodec.STEPS; t++) {
      int row = t * s;
      double best = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < s; c++) {
        best = Math.max(best, logProbs[row + c]);
      }
      double cut = best - PRUNE;
      Map<String, Beam> next = new HashMap<>();
      for (Beam b : beams) {
        double total = b.total();
        // stay on the same prefix: a blank, or the last symbol repeated
        next.computeIfAbsent(b.text, k -> new Beam(b.text, b.history, b.last, b.lm)).addStay(b, logProbs, row, blankCode);
        for (int c = 0; c < s; c++) {
          if (c == blankCode) {
            continue;
          }
          double lp = logProbs[row + c];
          if (lp < cut) {
            continue;
          }
          // a repeated symbol only extends the prefix after a blank
          double from = c == b.last ? b.blank : total;
          if (from == Double.NEGATIVE_INFINITY) {
            continue;
          }
          String text = b.text + CharCodec.symbol(c);
          Beam ext = next.get(text);
          if (ext == null) {
            double lmStep = lm == null ? 0 : lmWeight * lm.logProb(b.history, c);
            ext = new Beam(text, lm == null ? 0 : lm.next(b.history, c), c, b.lm + lmStep + lengthBonus);
            next.put(text, ext);
          }
          ext.addExtension(b, c, lp);
        }
      }
      List<Beam> all = new ArrayList<>(next.values());
      all.sort(Comparator.comparingDouble((Beam b) -> -(ctcWeight * b.total() + b.lm)).thenComparing(b -> b.text));
      beams = all.size() > width ? all.subList(0, width) : all;
    }
    List<Hypothesis> out = new ArrayList<>(beams.size());
    for (Beam b : beams) {
      double end = lm == null ? 0 : lmWeight * lm.logProb(b.history, CharLm.END);
      out.add(new Hypothesis(b.text, ctcWeight * b.total() + b.lm + end));
    }
    out.sort(Comparator.comparingDouble((Hypothesis h) -> -h.score()).thenComparing(Hypothesis::text));
    return out.size() > topK ? List.copyOf(out.subList(0, topK)) : List.copyOf(out);
  }
}
