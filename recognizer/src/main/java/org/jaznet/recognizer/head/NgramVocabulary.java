package org.jaznet.recognizer.head;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jaznet.recognizer.HeadKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The NGRAM head's vocabulary: N-grams (N = 1..4) of normalised words, each an independent sigmoid
 * output. A word's target is multi-hot over the vocabulary N-grams it contains.
 */
public final class NgramVocabulary implements HeadCodec {
  public static final int MAX_N = 4;
  public static final int DEFAULT_SIZE = 10_000;

  private final List<String> grams;
  private final Map<String, Integer> index;

  public NgramVocabulary(List<String> grams) {
    this.grams = List.copyOf(grams);
    this.index = new HashMap<>(grams.size() * 2);
    for (int i = 0; i < this.grams.size(); i++) {
      String g = this.grams.get(i);
      if (g.isEmpty() || g.length() > MAX_N || !CharCodec.isNormalised(g)) {
        throw new IllegalArgumentException("N-gram " + i + " must be 1..4 characters of 0-9a-z, got '" + g + "'");
      }
      if (index.putIfAbsent(g, i) != null) {
        throw new IllegalArgumentException("N-gram " + i + " duplicates an earlier one: '" + g + "'");
      }
    }
    if (this.grams.isEmpty()) {
      throw new IllegalArgumentException("an N-gram vocabulary must not be empty");
    }
  }

  /**
   * The up-to-{@code maxSize} most frequent N-grams (N = 1..4) of the dictionary. Frequency is the
   * number of dictionary words containing the N-gram (what the multi-hot targets count); ties go to
   * shorter N-grams, then alphabetical order, so the result is deterministic.
   */
  public static NgramVocabulary build(List<String> dictionary, int maxSize) {
    if (maxSize < 1) {
      throw new IllegalArgumentException("maxSize must be >= 1, got " + maxSize);
    }
    Map<String, int[]> counts = new HashMap<>();
    for (String raw : dictionary) {
      for (String g : gramsOf(CharCodec.normalise(raw))) {
        counts.computeIfAbsent(g, k -> new int[1])[0]++;
      }
    }
    if (counts.isEmpty()) {
      throw new IllegalArgumentException("the dictionary has no alphanumeric words to take N-grams from");
    }
    List<Map.Entry<String, int[]>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
        .thenComparingInt(e -> e.getKey().length())
        .thenComparing(Map.Entry::getKey));
    List<String> grams = new ArrayList<>(Math.min(maxSize, entries.size()));
    for (int i = 0; i < entries.size() && i < maxSize; i++) {
      grams.add(entries.get(i).getKey());
    }
    return new NgramVocabulary(grams);
  }

  /** The distinct N-grams (N = 1..4) of a normalised word, in order of first occurrence. */
  static Set<String> gramsOf(String w) {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (int n = 1; n <= MAX_N; n++) {
      for (int i = 0; i + n <= w.length(); i++) {
        out.add(w.substring(i, i + n));
      }
    }
    return out;
  }

  @Override
  public HeadKind head() {
    return HeadKind.NGRAM;
  }

  public List<String> grams() {
    return grams;
  }

  public int size() {
    return grams.size();
  }

  /** Vocabulary index of an N-gram, or -1 if it is not in the vocabulary. */
  public int indexOf(String gram) {
    Integer i = index.get(gram);
    return i == null ? -1 : i;
  }

  /** Sorted vocabulary indices of the N-grams the word (normalised first) contains. */
  public int[] encode(String word) {
    Set<String> gs = gramsOf(CharCodec.normalise(word));
    int[] tmp = new int[gs.size()];
    int k = 0;
    for (String g : gs) {
      Integer i = index.get(g);
      if (i != null) {
        tmp[k++] = i;
      }
    }
    int[] out = Arrays.copyOf(tmp, k);
    Arrays.sort(out);
    return out;
  }

  /** Multi-hot targets [N, |vocabulary|]. */
  @Override
  public INDArray targets(List<String> words) {
    float[] data = new float[words.size() * grams.size()];
    for (int i = 0; i < words.size(); i++) {
      writeTargets(words.get(i), data, i * grams.size());
    }
    return Nd4j.create(data, new long[] {words.size(), grams.size()}, 'c');
  }

  /** Writes one word's multi-hot row at {@code offset}. */
  public void writeTargets(String word, float[] dst, int offset) {
    Arrays.fill(dst, offset, offset + grams.size(), 0f);
    for (int g : encode(word)) {
      dst[offset + g] = 1f;
    }
  }

  @Override
  public INDArray labelMask(List<String> words) {
    return null;
  }

  /** All distinct N-grams of the words, for checks. */
  static Set<String> allGrams(List<String> words) {
    Set<String> s = new HashSet<>();
    for (String w : words) {
      s.addAll(gramsOf(CharCodec.normalise(w)));
    }
    return s;
  }
}
