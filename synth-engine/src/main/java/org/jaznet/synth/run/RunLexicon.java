package org.jaznet.synth.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.SynthEngine;

/**
 * The lexicon a run writes to {@code lexicon.txt}: the engine's word list, then every text of the run
 * that is not in it (random strings), lower-cased, once, in order of first appearance by sample index.
 * A sample's lexicon index is its text's line in this list, so MJSynth's annotation stays valid for
 * random strings too. The list depends only on the engine config and the count, never on threads or
 * shards: {@link #scan} reads the cheap {@link SynthEngine#textOf} of every index.
 */
public final class RunLexicon {
  private final Lexicon base;
  private final Map<String, Integer> extras;
  private final List<String> extraWords;

  private RunLexicon(Lexicon base, Map<String, Integer> extras, List<String> extraWords) {
    this.base = base;
    this.extras = extras;
    this.extraWords = extraWords;
  }

  /** Scans the texts of samples {@code [0, count)}. */
  public static RunLexicon scan(SynthEngine engine, long count) {
    Lexicon base = engine.lexicon();
    Map<String, Integer> extras = new HashMap<>();
    List<String> extraWords = new ArrayList<>();
    for (long i = 0; i < count; i++) {
      String text = engine.textOf(i);
      if (base.indexOf(text) < 0) {
        String key = text.toLowerCase(Locale.ROOT);
        if (!extras.containsKey(key)) {
          extras.put(key, base.size() + extraWords.size());
          extraWords.add(key);
        }
      }
    }
    return new RunLexicon(base, extras, Collections.unmodifiableList(extraWords));
  }

  /** The line of {@code lexicon.txt} for a text of this run. */
  public int indexOf(String text) {
    int i = base.indexOf(text);
    if (i >= 0) {
      return i;
    }
    Integer e = extras.get(text.toLowerCase(Locale.ROOT));
    if (e == null) {
      throw new IllegalArgumentException("'" + text + "' is not a text of this run");
    }
    return e;
  }

  /** Number of words appended after the engine's word list. */
  public int extraCount() {
    return extraWords.size();
  }

  /** All lines of {@code lexicon.txt}. */
  public List<String> words() {
    List<String> all = new ArrayList<>(base.size() + extraWords.size());
    all.addAll(base.words());
    all.addAll(extraWords);
    return all;
  }
}
