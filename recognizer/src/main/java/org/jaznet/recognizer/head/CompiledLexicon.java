package org.jaznet.recognizer.head;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jaznet.recognizer.HeadKind;

/**
 * A lexicon prepared once for one model's heads: each word's CHAR codes and N-gram indices in flat
 * CSR arrays and its DICT class, so that scoring every word for an image is a tight primitive loop
 * (a 90k lexicon: about a millisecond per head). Built by {@link Decoder#compile}; immutable and
 * thread-safe.
 */
public final class CompiledLexicon {
  private final Decoder owner;
  private final String[] words;
  private final int[] charOffsets;
  private final byte[] codes;
  private final int[] gramOffsets;
  private final int[] grams;
  private final int[] dictClass;
  private final CtcTrie ctcTrie;

  CompiledLexicon(Decoder owner, List<String> rawWords, NgramVocabulary vocab, DictCodec dict) {
    this.owner = owner;
    Set<String> distinct = new LinkedHashSet<>();
    for (String w : rawWords) {
      if (w != null) {
        String n = CharCodec.normalise(w);
        if (!n.isEmpty()) {
          distinct.add(n);
        }
      }
    }
    if (distinct.isEmpty()) {
      throw new IllegalArgumentException("the lexicon has no word with a letter or digit (" + rawWords.size() + " entries)");
    }
    words = distinct.toArray(new String[0]);
    int l = words.length;
    charOffsets = new int[l + 1];
    for (int i = 0; i < l; i++) {
      charOffsets[i + 1] = charOffsets[i] + Math.min(words[i].length(), CharCodec.POSITIONS);
    }
    codes = new byte[charOffsets[l]];
    for (int i = 0; i < l; i++) {
      for (int p = charOffsets[i]; p < charOffsets[i + 1]; p++) {
        codes[p] = (byte) CharCodec.code(words[i].charAt(p - charOffsets[i]));
      }
    }
    if (vocab != null) {
      int[][] per = new int[l][];
      gramOffsets = new int[l + 1];
      for (int i = 0; i < l; i++) {
        per[i] = vocab.encode(words[i]);
        gramOffsets[i + 1] = gramOffsets[i] + per[i].length;
      }
      grams = new int[gramOffsets[l]];
      for (int i = 0; i < l; i++) {
        System.arraycopy(per[i], 0, grams, gramOffsets[i], per[i].length);
      }
    } else {
      gramOffsets = null;
      grams = null;
    }
    ctcTrie = owner.spec().has(HeadKind.CTC) ? new CtcTrie(words) : null;
    if (dict != null) {
      dictClass = new int[l];
      for (int i = 0; i < l; i++) {
        dictClass[i] = dict.classIndex(words[i]);
      }
    } else {
      dictClass = null;
    }
  }

  Decoder owner() {
    return owner;
  }

  public int size() {
    return words.length;
  }

  /** The i-th (normalised, de-duplicated) word. */
  public String word(int i) {
    return words[i];
  }

  public List<String> words() {
    return List.of(words);
  }

  /** Writes every word's log-score under one head for one image into {@code out[0 .. size)}. */
  void score(HeadKind head, ImageScores img, double[] out) {
    int l = words.length;
    switch (head) {
      case CHAR -> {
        double[] lp = img.charLogp;
        double[] nulls = img.nullSuffix;
        for (int i = 0; i < l; i++) {
          int from = charOffsets[i];
          int len = charOffsets[i + 1] - from;
          double s = nulls[len];
          for (int p = 0; p < len; p++) {
            s += lp[p * CharCodec.SYMBOLS + codes[from + p]];
          }
          out[i] = s;
        }
      }
      // the same sums as the unconstrained NGRAM reading, so both agree on every word
      case NGRAM -> System.arraycopy(scoreNgram(new ImageScores[] {img})[0], 0, out, 0, l);
      case DICT -> {
        for (int i = 0; i < l; i++) {
          out[i] = img.dictScore(dictClass[i]);
        }
      }
      case CTC -> ctcTrie.score(img.ctcLogp, out);
    }
  }

  /**
   * Every word's NGRAM log-score for several images: {@code [image][word]}. The images' per-gram terms
   * are interleaved in floats ({@code [gram * n + image]}), so that each word's grams are read once for
   * all images, in short contiguous runs; each word's gram terms are summed in float (in the word's gram
   * order) and added to the image's double base. Every NGRAM reading goes through here, so a batch and
   * its images one by one score alike, bit for bit. (An 8-image register-blocked variant measured no
   * faster.)
   */
  double[][] scoreNgram(ImageScores[] imgs) {
    int n = imgs.length;
    int l = words.length;
    int v = imgs[0].ngramLr.length;
    float[] lr = new float[v * n];
    for (int b = 0; b < n; b++) {
      double[] x = imgs[b].ngramLr;
      for (int g = 0; g < v; g++) {
        lr[g * n + b] = (float) x[g];
      }
    }
    double[][] out = new double[n][l];
    float[] acc = new float[n];
    for (int i = 0; i < l; i++) {
      java.util.Arrays.fill(acc, 0f);
      for (int k = gramOffsets[i], e = gramOffsets[i + 1]; k < e; k++) {
        int at = grams[k] * n;
        for (int b = 0; b < n; b++) {
          acc[b] += lr[at + b];
        }
      }
      for (int b = 0; b < n; b++) {
        out[b][i] = acc[b];
      }
    }
    for (int b = 0; b < n; b++) {
      double base = imgs[b].ngramBase;
      double[] o = out[b];
      for (int i = 0; i < l; i++) {
        o[i] += base;
      }
    }
    return out;
  }

  /** Indices of the k highest values, best first (ties: lower index first). */
  static int[] topK(double[] v, int n, int k) {
    k = Math.min(k, n);
    int[] idx = new int[k];
    double[] val = new double[k];
    Arrays.fill(val, Double.NEGATIVE_INFINITY);
    Arrays.fill(idx, -1);
    for (int i = 0; i < n; i++) {
      double x = v[i];
      if (x > val[k - 1] || idx[k - 1] < 0) {
        int j = k - 1;
        while (j > 0 && (x > val[j - 1] || idx[j - 1] < 0)) {
          val[j] = val[j - 1];
          idx[j] = idx[j - 1];
          j--;
        }
        val[j] = x;
        idx[j] = i;
      }
    }
    return idx;
  }
}
