package org.jaznet.recognizer;

/** The ways the trunk's features are read. Chosen by enum, never by free-form string. */
public enum HeadKind {
  /** Softmax over the dictionary's words (one class per word). */
  DICT,
  /** 23 positions x 37 symbols (0-9, a-z, null). */
  CHAR,
  /** Independent sigmoids over an N-gram vocabulary (N = 1..4). */
  NGRAM,
  /**
   * A sequence of 25 column readings x 37 symbols (0-9, a-z, blank) trained with connectionist temporal
   * classification (CTC, as in CRNN): no fixed character positions, so it learns from far fewer images.
   */
  CTC
}
