package org.jaznet.recognizer;

/** The ways the trunk's features are read. Chosen by enum, never by free-form string. */
public enum HeadKind {
  /** Softmax over the dictionary's words (one class per word). */
  DICT,
  /** 23 positions x 37 symbols (0-9, a-z, null). */
  CHAR,
  /** Independent sigmoids over an N-gram vocabulary (N = 1..4). */
  NGRAM
}
