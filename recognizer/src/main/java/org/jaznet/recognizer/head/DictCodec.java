package org.jaznet.recognizer.head;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jaznet.recognizer.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DICT labels: the class of a word is its line in the dictionary; only the first {@code active} classes
 * exist in the output (incremental training). Words outside the active classes get an all-zero target
 * and a zero label mask, so they train the other heads but not DICT.
 */
public final class DictCodec implements HeadCodec {
  private final List<String> dictionary;
  private final Map<String, Integer> index;
  private final int active;

  public DictCodec(List<String> dictionary, int active) {
    if (active < 1 || active > dictionary.size()) {
      throw new IllegalArgumentException(
          "active must be in [1, " + dictionary.size() + "] (dictionary size), got " + active);
    }
    this.dictionary = List.copyOf(dictionary);
    this.index = new HashMap<>(dictionary.size() * 2);
    for (int i = 0; i < dictionary.size(); i++) {
      index.putIfAbsent(dictionary.get(i), i);
    }
    this.active = active;
  }

  @Override
  public HeadKind head() {
    return HeadKind.DICT;
  }

  public int active() {
    return active;
  }

  public List<String> dictionary() {
    return dictionary;
  }

  /** The class of a word (normalised first), or -1 when it is not among the active classes. */
  public int classOf(String word) {
    Integer i = index.get(CharCodec.normalise(word));
    return i == null || i >= active ? -1 : i;
  }

  /** The dictionary line of a normalised word whether or not it is active yet, or -1. */
  public int classIndex(String normalisedWord) {
    Integer i = index.get(normalisedWord);
    return i == null ? -1 : i;
  }

  /** One-hot targets [N, active]; rows of words outside the active classes are all zero. */
  @Override
  public INDArray targets(List<String> words) {
    float[] data = new float[words.size() * active];
    for (int i = 0; i < words.size(); i++) {
      int c = classOf(words.get(i));
      if (c >= 0) {
        data[i * active + c] = 1f;
      }
    }
    return Nd4j.create(data, new long[] {words.size(), active}, 'c');
  }

  /** [N, 1]: 1 where the word is an active class. */
  @Override
  public INDArray labelMask(List<String> words) {
    float[] data = new float[words.size()];
    for (int i = 0; i < words.size(); i++) {
      data[i] = classOf(words.get(i)) >= 0 ? 1f : 0f;
    }
    return Nd4j.create(data, new long[] {words.size(), 1}, 'c');
  }
}
