package org.jaznet.recognizer.head;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the case and punctuation of a word whose standard-protocol form is already decided (by the
 * fused reading over the folded lattice): a CTC prefix beam search over a {@link SymbolSet#PRINT} head's
 * full lattice, restricted to texts that fold back to that word. Each letter may be read in either case,
 * and punctuation may come before, between and after the letters (at most {@value #MAX_PUNCTUATION}
 * marks). So {@code 1999} becomes {@code $19.99} and {@code stewardess} {@code STEWARDESS} when the image
 * says so, and the standard reading never changes.
 *
 * <p>Texts are ranked by their CTC probability times a case prior: a text with a run of letters that is
 * neither lowercase, UPPERCASE nor Capitalised ({@code doOr}, {@code CoPPER}) costs a factor
 * e^-{@code switchPenalty}. Print rarely mixes case inside a word, while capitals of the same shape as
 * their lowercase letters (o/O, c/C, s/S, v/V, w/W, x/X, z/Z) are hard to tell apart on their own.
 * Stateless and thread-safe.
 */
public final class CaseRestorer {
  /** Beams kept per step. */
  static final int BEAM = 8;
  /** Most punctuation marks in one word. */
  static final int MAX_PUNCTUATION = 6;
  /** Punctuation whose log-probability at a step is below this is not tried there. */
  static final double PUNCTUATION_FLOOR = Math.log(1e-4);

  /**
   * The default {@code switchPenalty} (natural log): chosen on held-out synthetic words (models/README.md,
   * "case prior"); the real test sets played no part in the choice.
   */
  public static final double DEFAULT_SWITCH_PENALTY = 4.0;
  /** {@link #DEFAULT_SWITCH_PENALTY} as text, for help texts. */
  public static final String DEFAULT_SWITCH_PENALTY_TEXT = "4.0";

  private CaseRestorer() {}

  /**
   * Whether some run of letters in {@code text} mixes case other than as lowercase, UPPERCASE or
   * Capitalised (runs are separated by anything that is not a letter).
   */
  static boolean mixedCase(String text) {
    int runStart = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || !Character.isLetter(text.charAt(i))) {
        if (i - runStart > 1 && !consistent(text, runStart, i)) {
          return true;
        }
        runStart = i + 1;
      }
    }
    return false;
  }

  private static boolean consistent(String text, int from, int to) {
    boolean restUpper = true;
    boolean restLower = true;
    for (int i = from + 1; i < to; i++) {
      char c = text.charAt(i);
      restUpper &= Character.isUpperCase(c);
      restLower &= Character.isLowerCase(c);
    }
    // the first letter may be either case before a lowercase rest; an UPPERCASE rest needs an upper first
    return restLower || (restUpper && Character.isUpperCase(text.charAt(from)));
  }

  private static final class Beam extends CtcPrefix {
    final int matched;
    final int marks;
    /** Whether the text mixes case ({@link #mixedCase}); fixed with the text. */
    final boolean mixed;

    Beam(String text, int matched, int last, int marks) {
      super(text, last);
      this.matched = matched;
      this.marks = marks;
      this.mixed = mixedCase(text);
    }

    /** The CTC score with the case prior. */
    double ranked(double switchPenalty) {
      return mixed ? total() - switchPenalty : total();
    }
  }

  /**
   * The likeliest cased and punctuated text whose standard form is {@code folded}.
   *
   * @param full the head's full lattice ({@link CtcCodec#fullLogSoftmax}), step-major
   * @param set the head's symbol set
   * @param folded the word in the standard protocol (lowercase, [0-9a-z] only)
   * @return that text, or {@code folded} itself when no text of the lattice folds to it
   */
  public static String restore(double[] full, SymbolSet set, String folded) {
    return restore(full, set, folded, DEFAULT_SWITCH_PENALTY);
  }

  /**
   * As {@link #restore(double[], SymbolSet, String)} with a given case prior.
   *
   * @param switchPenalty log-probability cost of a text that mixes case inside a run of letters (>= 0; 0: no prior)
   */
  public static String restore(double[] full, SymbolSet set, String folded, double switchPenalty) {
    if (!(switchPenalty >= 0) || Double.isInfinite(switchPenalty)) {
      throw new IllegalArgumentException("switchPenalty must be finite and >= 0, got " + switchPenalty);
    }
    if (set == SymbolSet.LOWER) {
      return folded;
    }
    int classes = set.classes();
    int blank = set.blank();
    int steps = full.length / classes;
    int[] lower = new int[folded.length()];
    int[] upper = new int[folded.length()];
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      lower[i] = set.code(c);
      upper[i] = c >= 'a' && c <= 'z' ? set.code(Character.toUpperCase(c)) : -1;
      if (lower[i] < 0) {
        return folded;
      }
    }
    List<Integer> marks = new ArrayList<>();
    for (int c = 0; c < set.size(); c++) {
      if (set.foldedCode(c) < 0) {
        marks.add(c);
      }
    }
    Beam start = new Beam("", 0, -1, 0);
    start.blank = 0;
    List<Beam> beams = List.of(start);
    for (int t = 0; t < steps; t++) {
      int row = t * classes;
      Map<String, Beam> next = new HashMap<>();
      for (Beam b : beams) {
        next.computeIfAbsent(b.text, k -> new Beam(b.text, b.matched, b.last, b.marks)).addStay(b, full, row, blank);
        if (b.matched < folded.length()) {
          extend(next, b, lower[b.matched], 1, full[row + lower[b.matched]], set);
          if (upper[b.matched] >= 0) {
            extend(next, b, upper[b.matched], 1, full[row + upper[b.matched]], set);
          }
        }
        if (b.marks < MAX_PUNCTUATION) {
          for (int c : marks) {
            double lp = full[row + c];
            if (lp >= PUNCTUATION_FLOOR) {
              extend(next, b, c, 0, lp, set);
            }
          }
        }
      }
      List<Beam> all = new ArrayList<>(next.values());
      // beams that can no longer match every letter in the steps left are dropped
      int left = steps - t - 1;
      all.removeIf(x -> folded.length() - x.matched > left);
      all.sort(Comparator.comparingDouble((Beam x) -> x.ranked(switchPenalty)).reversed().thenComparing(x -> x.text));
      beams = all.size() > BEAM ? all.subList(0, BEAM) : all;
    }
    Beam best = null;
    for (Beam b : beams) {
      if (b.matched == folded.length() && (best == null || b.ranked(switchPenalty) > best.ranked(switchPenalty))) {
        best = b;
      }
    }
    return best == null ? folded : best.text;
  }

  private static void extend(Map<String, Beam> next, Beam b, int code, int advance, double lp, SymbolSet set) {
    String text = b.text + set.symbol(code);
    next.computeIfAbsent(text, k -> new Beam(text, b.matched + advance, code, b.marks + (advance == 0 ? 1 : 0)))
        .addExtension(b, code, lp);
  }
}
