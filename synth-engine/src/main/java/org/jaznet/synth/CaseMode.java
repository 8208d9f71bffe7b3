package org.jaznet.synth;

import java.util.Locale;

/** How a dictionary word's case is rendered. {@code MIXED} picks one of the other three uniformly, as MJSynth. */
public enum CaseMode {
  LOWER, UPPER, CAPITALIZED, MIXED;

  /** Applies a fixed mode (MIXED must be resolved by the caller first). */
  public String apply(String word) {
    return switch (this) {
      case LOWER -> word.toLowerCase(Locale.ROOT);
      case UPPER -> word.toUpperCase(Locale.ROOT);
      case CAPITALIZED -> word.isEmpty() ? word
          : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1).toLowerCase(Locale.ROOT);
      case MIXED -> throw new IllegalStateException("MIXED must be resolved to a fixed mode first");
    };
  }
}
