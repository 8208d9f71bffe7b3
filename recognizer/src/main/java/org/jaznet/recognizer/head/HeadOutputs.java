package org.jaznet.recognizer.head;

import java.util.Map;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.CharCodec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch of head outputs copied to Java arrays, one row per image: DICT [N, active], CHAR [N, symbols * 23]
 * ('c' order: symbol * 23 + position; 37 symbols for a LOWER head, 87 for PRINT), NGRAM [N, |vocabulary|], CTC logits [N, classes * 25] (symbol * 25 +
 * step; 37 classes for a LOWER head, 87 for PRINT). Arrays of absent heads are null.
 */
public record HeadOutputs(int n, float[] dict, int dictWidth, float[] chars, float[] ngram, int ngramWidth,
    float[] ctc) {
  /** Outputs of a model without a CTC head. */
  public HeadOutputs(int n, float[] dict, int dictWidth, float[] chars, float[] ngram, int ngramWidth) {
    this(n, dict, dictWidth, chars, ngram, ngramWidth, null);
  }

  public HeadOutputs {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    check("dict", dict, n, dictWidth);
    if (chars != null && n > 0) {
      if (chars.length % ((long) n * CharCodec.POSITIONS) != 0) {
        throw new IllegalArgumentException("chars has " + chars.length + " values, not n x symbols x 23 for n = " + n);
      }
      try {
        SymbolSet.withClasses(chars.length / (n * CharCodec.POSITIONS));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("chars has " + chars.length / (n * CharCodec.POSITIONS)
            + " symbols per position for n = " + n + ": no symbol set has that many (37 or 87)", e);
      }
    }
    check("ngram", ngram, n, ngramWidth);
    if (ctc != null && n > 0) {
      if (ctc.length % ((long) n * CtcCodec.STEPS) != 0) {
        throw new IllegalArgumentException("ctc has " + ctc.length + " values, not n x 25 x classes for n = " + n);
      }
      SymbolSet.withClasses(ctc.length / (n * CtcCodec.STEPS));
    }
  }

  /** The CTC head's symbol set (from its width); LOWER without a CTC head. */
  public SymbolSet ctcSymbols() {
    return ctc == null || n == 0 ? SymbolSet.LOWER : SymbolSet.withClasses(ctc.length / (n * CtcCodec.STEPS));
  }

  /** The CHAR head's symbol set (from its width); LOWER without a CHAR head. */
  public SymbolSet charSymbols() {
    return chars == null || n == 0 ? SymbolSet.LOWER
        : SymbolSet.withClasses(chars.length / (n * CharCodec.POSITIONS));
  }

  private static void check(String what, float[] a, int n, int width) {
    if (a != null && a.length != (long) n * width) {
      throw new IllegalArgumentException(what + " has " + a.length + " values, expected " + n + " x " + width);
    }
  }

  /** Copies a forward pass's outputs ({@code JazNet.output}) to Java arrays. */
  public static HeadOutputs of(Map<HeadKind, INDArray> out) {
    int n = -1;
    float[] dict = null;
    float[] chars = null;
    float[] ngram = null;
    float[] ctc = null;
    int dw = 0;
    int nw = 0;
    for (Map.Entry<HeadKind, INDArray> e : out.entrySet()) {
      INDArray a = e.getValue();
      n = (int) a.size(0);
      // [N, 37, 23] -> [N, 851] in 'c' order, the layout the decoders index
      float[] data = a.dup('c').data().asFloat();
      switch (e.getKey()) {
        case DICT -> {
          dict = data;
          dw = (int) a.size(1);
        }
        case CHAR -> chars = data;
        case CTC -> ctc = data;
        case NGRAM -> {
          ngram = data;
          nw = (int) a.size(1);
        }
      }
    }
    if (n < 0) {
      throw new IllegalArgumentException("no head outputs");
    }
    return new HeadOutputs(n, dict, dw, chars, ngram, nw, ctc);
  }
}
