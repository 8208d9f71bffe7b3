package org.jaznet.synth.text;

import java.util.Objects;

/**
 * A word to render.
 *
 * @param text the text exactly as it will be drawn (case applied)
 * @param lexiconIndex line of the lexicon holding the lowercase text, or -1
 * @param random true for a random string, false for a dictionary word
 */
public record Word(String text, int lexiconIndex, boolean random) {
  public Word {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a word cannot be empty");
    }
  }
}
