package org.jaznet.recognizer;

/** The ways the trunk's features are read. Chosen by enum, never by free-form string. */
public enum HeadKind {
  /** Softmax over the dictionary's words (one class per word). */
  DICT(false),
  /** 23 positions x 37 symbols (0-9, a-z, null). */
  CHAR(false),
  /** Independent sigmoids over an N-gram vocabulary (N = 1..4). */
  NGRAM(true),
  /**
   * A sequence of 25 column readings x 37 symbols (0-9, a-z, blank) trained with connectionist temporal
   * classification (CTC, as in CRNN): no fixed character positions, so it learns from far fewer images.
   */
  CTC(false);

  private final boolean searchesDictionary;

  HeadKind(boolean searchesDictionary) {
    this.searchesDictionary = searchesDictionary;
  }

  /**
   * Whether this head's unconstrained reading searches the whole dictionary (NGRAM: every word's N-gram
   * score, about as costly per image as the network itself); the others read their outputs directly.
   */
  public boolean searchesDictionary() {
    return searchesDictionary;
  }
}
