package org.jaznet.recognizer.train;

/**
 * The order of the DICT classes in a trained model (the model stores its own class list). Incremental
 * training activates the leading classes first, so the order decides which words come first.
 */
public enum DictOrder {
  /** The dictionary file's order (en-90k is alphabetical: the first 5,000 classes all start with "a"). */
  FILE,
  /** A seeded shuffle of the file, so that every growth round adds a representative sample of words. */
  SHUFFLED
}
