package org.jaznet.synth;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ordered word list (one word a line, UTF-8), as MJSynth's {@code lexicon.txt}: a word's index is
 * its 0-based line. Immutable and thread-safe.
 */
public final class Lexicon {
  private final List<String> words;
  private final Map<String, Integer> index;

  private Lexicon(List<String> words) {
    this.words = List.copyOf(words);
    this.index = new HashMap<>(words.size() * 2);
    for (int i = 0; i < this.words.size(); i++) {
      index.putIfAbsent(this.words.get(i), i);
    }
  }

  /** A lexicon over the given words, in order. */
  public static Lexicon of(List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a lexicon needs at least one word");
    }
    return new Lexicon(words);
  }

  /**
   * Reads a word list: strict UTF-8, one word per line, surrounding whitespace trimmed, blank lines
   * skipped.
   *
   * @throws SynthException naming the file if it is missing, unreadable, not UTF-8 or has no words
   */
  public static Lexicon read(Path file) throws SynthException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SynthException("cannot read word list " + file + ": " + e, e);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new SynthException("word list " + file + " is not valid UTF-8: " + e.getMessage(), e);
    }
    List<String> words = new ArrayList<>();
    for (String line : text.split("\r?\n", -1)) {
      String w = line.strip();
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    if (words.isEmpty()) {
      throw new SynthException("word list " + file + " has no words");
    }
    return new Lexicon(words);
  }

  public int size() {
    return words.size();
  }

  public String get(int i) {
    return words.get(i);
  }

  public List<String> words() {
    return words;
  }

  /** Index of the word (exact match first, then lowercase), or -1. */
  public int indexOf(String word) {
    Integer i = index.get(word);
    if (i == null) {
      i = index.get(word.toLowerCase(Locale.ROOT));
    }
    return i == null ? -1 : i;
  }
}
