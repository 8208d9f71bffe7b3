package org.jaznet.recognizer.head;

import java.util.List;
import org.jaznet.recognizer.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How words become one head's training targets. Words are normalised with {@link CharCodec#normalise}, or for a CTC or
 * CHAR head over {@link SymbolSet#PRINT} with {@link SymbolSet#normalise} (case and punctuation kept).
 */
public interface HeadCodec {
  HeadKind head();

  /** Targets for a batch of words, shaped like the head's output with N = words.size(). */
  INDArray targets(List<String> words);

  /**
   * The label mask for the batch ([N, 1]: 1 trains the example on this head, 0 skips it), or null when
   * every example trains this head.
   */
  INDArray labelMask(List<String> words);
}
