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
  private final NgramTrie ngramTrie;
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
    ngramTrie = vocab == null ? null : new NgramTrie(words, vocab);
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
      case NGRAM -> {
        float[] sums = ngramSums(new ImageScores[] {img});
        double base = img.ngramBase;
        for (int i = 0; i < l; i++) {
          out[i] = sums[i] + base;
        }
      }
      case DICT -> {
        for (int i = 0; i < l; i++) {
          out[i] = img.dictScore(dictClass[i]);
        }
      }
      case CTC -> ctcTrie.score(img.ctcLogp, out);
    }
  }

  /**
   * Every word's NGRAM sum of gram terms for several images, interleaved: {@code [word * n + image]}
   * (a word's log-score is that plus the image's {@link ImageScores#ngramBase}). The images' per-gram
   * terms are interleaved in floats too ({@code [gram * n + image]}) and summed for all images in one
   * walk of the words' prefix trie ({@link NgramTrie}), in float. Every NGRAM score goes through here, so
   * a batch and its images one by one score alike, bit for bit.
   */
  float[] ngramSums(ImageScores[] imgs) {
    int n = imgs.length;
    int v = imgs[0].ngramLr.length;
    float[] lr = new float[v * n];
    for (int b = 0; b < n; b++) {
      double[] x = imgs[b].ngramLr;
      for (int g = 0; g < v; g++) {
        lr[g * n + b] = (float) x[g];
      }
    }
    float[] out = new float[words.length * n];
    ngramTrie.sums(lr, n, out);
    return out;
  }

  /** The NGRAM head's reading over this lexicon: its best words, best first, and the posterior of the first. */
  record NgramReading(int[] top, double posterior) {}

  /**
   * The NGRAM reading of each image: the {@code k} words with the highest log-score (ties: lower index
   * first) and the softmax posterior of the best over all words. The same numbers, bit for bit, as
   * {@link #topK} and {@link Decoder#logSumExp} over the image's scores of every word ({@link
   * #ngramSums}), from one walk of the prefix trie for the whole block that keeps only the words that
   * can be among the k best or within the log-sum-exp's cut of the best ({@link NgramTrie#select}).
   */
  NgramReading[] readNgram(ImageScores[] imgs, int k) {
    int n = imgs.length;
    k = Math.min(k, words.length);
    int v = imgs[0].ngramLr.length;
    float[] lr = new float[v * n];
    double[] base = new double[n];
    for (int b = 0; b < n; b++) {
      double[] x = imgs[b].ngramLr;
      for (int g = 0; g < v; g++) {
        lr[g * n + b] = (float) x[g];
      }
      base[b] = imgs[b].ngramBase;
    }
    NgramTrie.Candidates[] c = ngramTrie.select(lr, n, base, k, Decoder.LOG_SUM_EXP_CUT);
    NgramReading[] out = new NgramReading[n];
    for (int b = 0; b < n; b++) {
      out[b] = reading(c[b], k);
    }
    return out;
  }

  /** Top k and posterior of the best over one image's candidates, taken in word order as a pass over every word would. */
  private static NgramReading reading(NgramTrie.Candidates c, int k) {
    int m = c.size();
    long[] order = new long[m];
    for (int j = 0; j < m; j++) {
      order[j] = ((long) c.word(j) << 32) | j;
    }
    Arrays.sort(order);
    int[] wordOf = new int[m];
    double[] score = new double[m];
    for (int j = 0; j < m; j++) {
      int at = (int) order[j];
      wordOf[j] = c.word(at);
      score[j] = c.score(at);
    }
    int[] top = topK(score, m, k);
    double max = score[top[0]];
    double logZ = Decoder.logSumExp(score, m, Double.NEGATIVE_INFINITY);
    int[] topWords = new int[top.length];
    for (int j = 0; j < top.length; j++) {
      topWords[j] = wordOf[top[j]];
    }
    return new NgramReading(topWords, Math.exp(max - logZ));
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
