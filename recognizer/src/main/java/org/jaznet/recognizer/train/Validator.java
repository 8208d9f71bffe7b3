package org.jaznet.recognizer.train;

import org.jaznet.recognizer.head.SymbolSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.head.CtcCodec;
import org.jaznet.recognizer.head.DictCodec;
import org.jaznet.recognizer.head.NgramVocabulary;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.SynthSample;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Scores a network on a fixed batch of validation images, one forward pass per chunk. */
public final class Validator {
  private static final int CHUNK = 100;

  private Validator() {}

  /**
   * Per-head scores on one set (NaN when the head is absent or nothing counted).
   *
   * @param charAccuracy CHAR exact match (normalised label vs unconstrained reading)
   * @param dictAccuracy DICT exact match over the images whose word is an active class
   * @param ngramF1 mean F1 of the N-gram sets at threshold 0.5
   * @param dictCounted images DICT was scored on
   */
  /**
   * Validation accuracies; {@code ctcCased} is the CTC head's exact reading in its own symbol set (case and
   * punctuation kept), NaN for a LOWER head (equal to {@code ctcAccuracy} there).
   */
  public record Scores(double charAccuracy, double dictAccuracy, double ngramF1, int dictCounted, double ctcAccuracy,
      double ctcCased) {
    public Scores(double charAccuracy, double dictAccuracy, double ngramF1, int dictCounted, double ctcAccuracy) {
      this(charAccuracy, dictAccuracy, ngramF1, dictCounted, ctcAccuracy, Double.NaN);
    }
  }

  /** Renders {@code n} samples at indices {@code first .. first + n - 1} with {@code threads} threads. */
  public static Batch render(SynthEngine engine, long first, int n, int threads) throws InterruptedException {
    float[] pixels = new float[n * Preprocessor.SIZE];
    String[] words = new String[n];
    ExecutorService pool = Executors.newFixedThreadPool(threads, SynthStream.daemonThreads("validation"));
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int from = (int) ((long) n * t / threads);
        int to = (int) ((long) n * (t + 1) / threads);
        fs.add(pool.submit(() -> {
          for (int i = from; i < to; i++) {
            SynthSample s = engine.render(first + i);
            Preprocessor.toInput(s.grey(), s.width(), s.height(), pixels, i * Preprocessor.SIZE);
            words[i] = s.text();
          }
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("rendering validation images failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new Batch(pixels, Arrays.asList(words));
  }

  /** Scores {@code net} on {@code set}. */
  public static Scores score(JazNet net, Batch set) {
    DictCodec dict = net.spec().has(HeadKind.DICT)
        ? new DictCodec(net.spec().dictionary(), net.spec().dictActive()) : null;
    NgramVocabulary ngrams = net.spec().has(HeadKind.NGRAM) ? new NgramVocabulary(net.spec().ngrams()) : null;
    int charRight = 0;
    int ctcRight = 0;
    int ctcCasedRight = 0;
    int dictRight = 0;
    int dictCounted = 0;
    double f1Sum = 0;
    int n = set.size();
    for (int from = 0; from < n; from += CHUNK) {
      int m = Math.min(CHUNK, n - from);
      float[] px = Arrays.copyOfRange(set.pixels(), from * Preprocessor.SIZE, (from + m) * Preprocessor.SIZE);
      // [m * 3200] -> [m, 1, 32, 100]
      INDArray input = Nd4j.create(px, new long[] {m, 1, Preprocessor.HEIGHT, Preprocessor.WIDTH}, 'c');
      Map<HeadKind, INDArray> out = net.output(input);
      List<String> words = set.words().subList(from, from + m);
      if (out.containsKey(HeadKind.CHAR)) {
        // [m, 37, 23] probabilities (PRINT: [m, 87, 23]), 'c' order: symbol * 23 + position
        float[] probs = out.get(HeadKind.CHAR).dup('c').data().asFloat();
        CharCodec chars = CharCodec.of(net.spec().charSymbols());
        for (int i = 0; i < m; i++) {
          // the head's own reading in the standard protocol (for PRINT: its case and punctuation dropped)
          String read = CharCodec.normalise(chars.decodeFull(probs, i * chars.width()));
          if (read.equals(truncated(CharCodec.normalise(words.get(i))))) {
            charRight++;
          }
        }
      }
      if (out.containsKey(HeadKind.CTC)) {
        float[] logits = out.get(HeadKind.CTC).dup('c').data().asFloat();
        CtcCodec codec = CtcCodec.of(net.spec().symbols());
        for (int i = 0; i < m; i++) {
          double[] full = codec.fullLogSoftmax(logits, i * codec.width());
          String read = CtcCodec.decode(codec.fold(full));
          if (read.equals(truncated(CharCodec.normalise(words.get(i))))) {
            ctcRight++;
          }
          if (codec.decodeFull(full).equals(truncated(codec.set().normalise(words.get(i))))) {
            ctcCasedRight++;
          }
        }
      }
      if (dict != null) {
        // [m, active] -> [m] best class
        long[] best = out.get(HeadKind.DICT).argMax(1).toLongVector();
        for (int i = 0; i < m; i++) {
          int c = dict.classOf(words.get(i));
          if (c >= 0) {
            dictCounted++;
            if (best[i] == c) {
              dictRight++;
            }
          }
        }
      }
      if (ngrams != null) {
        float[] p = out.get(HeadKind.NGRAM).dup('c').data().asFloat();
        int g = ngrams.size();
        for (int i = 0; i < m; i++) {
          int[] truth = ngrams.encode(words.get(i));
          int predicted = 0;
          int hit = 0;
          for (int j = 0; j < g; j++) {
            if (p[i * g + j] >= 0.5f) {
              predicted++;
              if (Arrays.binarySearch(truth, j) >= 0) {
                hit++;
              }
            }
          }
          f1Sum += truth.length + predicted == 0 ? 1.0 : 2.0 * hit / (truth.length + predicted);
        }
      }
    }
    return new Scores(
        net.spec().has(HeadKind.CHAR) && n > 0 ? charRight / (double) n : Double.NaN,
        dictCounted > 0 ? dictRight / (double) dictCounted : Double.NaN,
        ngrams != null && n > 0 ? f1Sum / n : Double.NaN,
        dictCounted,
        net.spec().has(HeadKind.CTC) && n > 0 ? ctcRight / (double) n : Double.NaN,
        net.spec().has(HeadKind.CTC) && n > 0 && net.spec().symbols() != SymbolSet.LOWER
            ? ctcCasedRight / (double) n : Double.NaN);
  }

  private static String truncated(String w) {
    return w.length() > CharCodec.POSITIONS ? w.substring(0, CharCodec.POSITIONS) : w;
  }
}
