package org.jaznet.recognizer.model;

import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.head.SymbolSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Copies a CHAR output layer ({@code char_logits}: W [features, symbols x 23], b [1, symbols x 23], unit
 * {@code s * 23 + p} for symbol s at position p) into one over a larger symbol set ({@link SymbolSet#LOWER}'s 37
 * outputs per position to {@link SymbolSet#PRINT}'s 87), position by position: 0-9 and a-z to the same codes, the
 * end to the new end, each capital from its lowercase letter with both letters' biases lowered by log 2, so that
 * p(a) + p(A) is the old p(a) against the old symbols; each punctuation mark from zero weights with the end's bias
 * of that position less {@link WeightTransfer#NEW_MARK_OFFSET}. So the widened head's folded probabilities
 * ({@link CharCodec#fold}, which divides by the non-punctuation mass) are the old head's exactly, up to float
 * rounding, and training only has to learn what is new. The same construction as the CTC head's widening.
 */
final class CharHeadWidening {
  private CharHeadWidening() {}

  /** Whether a CHAR head over {@code from} can be copied into one over {@code to} by {@link #copy}. */
  static boolean widens(SymbolSet from, SymbolSet to) {
    return from == SymbolSet.LOWER && to == SymbolSet.PRINT;
  }

  /**
   * Writes {@code dst} (the new layer's W or b) from {@code src} (the old layer's).
   *
   * @param bias whether the parameter is the bias b [symbols x 23] (else the weights W [features, symbols x 23])
   */
  static void copy(INDArray src, INDArray dst, SymbolSet from, SymbolSet to, boolean bias) {
    if (!widens(from, to)) {
      throw new IllegalArgumentException("a CHAR head over " + from + " does not widen to " + to);
    }
    CharCodec old = CharCodec.of(from);
    CharCodec grown = CharCodec.of(to);
    boolean fits = bias ? src.length() == old.width() && dst.length() == grown.width()
        : src.rank() == 2 && dst.rank() == 2 && src.size(0) == dst.size(0) && src.size(1) == old.width()
            && dst.size(1) == grown.width();
    if (!fits) {
      throw new IllegalArgumentException("CHAR output " + (bias ? "bias" : "weights") + " of shape "
          + java.util.Arrays.toString(src.shape()) + " cannot widen to " + java.util.Arrays.toString(dst.shape())
          + " (" + old.width() + " outputs over " + from + " to " + grown.width() + " over " + to + ")");
    }
    int positions = CharCodec.POSITIONS;
    for (int c = 0; c < grown.symbols(); c++) {
      int source;
      boolean letter = false;
      if (c == grown.end()) {
        source = old.end();
      } else {
        int f = to.foldedCode(c);
        source = f >= 0 && f < from.size() ? f : -1;
        letter = f >= 10;
      }
      for (int p = 0; p < positions; p++) {
        long unit = (long) c * positions + p;
        long oldUnit = (long) source * positions + p;
        if (bias) {
          double v = source < 0
              ? src.getDouble((long) old.end() * positions + p) - WeightTransfer.NEW_MARK_OFFSET
              : src.getDouble(oldUnit) - (letter ? Math.log(2) : 0);
          dst.putScalar(unit, v);
        } else {
          INDArray column = dst.get(NDArrayIndex.all(), NDArrayIndex.point(unit));
          if (source < 0) {
            column.assign(0);
          } else {
            column.assign(src.get(NDArrayIndex.all(), NDArrayIndex.point(oldUnit)).castTo(dst.dataType()));
          }
        }
      }
    }
  }
}
