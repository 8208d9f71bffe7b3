package org.jaznet.recognizer.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jaznet.recognizer.head.CharCodec;

/**
 * The words of a training run.
 *
 * @param classes the DICT class list in model order (every normalised dictionary word, once)
 * @param training words the training stream may show, in class order
 * @param heldOut words never shown in training, for validation of unseen words
 */
public record WordSplit(List<String> classes, List<String> training, List<String> heldOut) {
  public WordSplit {
    classes = List.copyOf(classes);
    training = List.copyOf(training);
    heldOut = List.copyOf(heldOut);
    if (training.isEmpty()) {
      throw new IllegalArgumentException("no training words left after holding out " + heldOut.size());
    }
  }

  /**
   * Normalises the dictionary's words (standard protocol), drops empty results and duplicates, orders
   * the classes, and holds out {@code floor(holdout * n)} words chosen with the seed.
   */
  public static WordSplit of(List<String> dictionary, DictOrder order, double holdout, long seed) {
    if (!(holdout >= 0 && holdout < 0.5)) {
      throw new IllegalArgumentException("holdout must be in [0, 0.5), got " + holdout);
    }
    Set<String> unique = new LinkedHashSet<>();
    for (String w : dictionary) {
      String n = CharCodec.normalise(w);
      if (!n.isEmpty()) {
        unique.add(n);
      }
    }
    if (unique.isEmpty()) {
      throw new IllegalArgumentException("the dictionary has no alphanumeric words");
    }
    List<String> classes = new ArrayList<>(unique);
    if (order == DictOrder.SHUFFLED) {
      Collections.shuffle(classes, new Random(seed));
    }
    int k = (int) Math.floor(holdout * classes.size());
    List<String> pool = new ArrayList<>(classes);
    Collections.shuffle(pool, new Random(seed ^ 0x5DEECE66DL));
    Set<String> held = new HashSet<>(pool.subList(0, k));
    List<String> training = new ArrayList<>(classes.size() - k);
    List<String> heldOut = new ArrayList<>(k);
    for (String w : classes) {
      (held.contains(w) ? heldOut : training).add(w);
    }
    return new WordSplit(classes, training, heldOut);
  }

  /** Training words among the first {@code active} classes, in class order. */
  public List<String> activeTraining(int active) {
    Set<String> held = new HashSet<>(heldOut);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < active && i < classes.size(); i++) {
      if (!held.contains(classes.get(i))) {
        out.add(classes.get(i));
      }
    }
    return out;
  }
}
