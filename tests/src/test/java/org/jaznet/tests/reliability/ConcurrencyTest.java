package org.jaznet.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.Recognition;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelSpec;
import org.junit.jupiter.api.Test;

/** One {@link Recognizer} shared by 8 threads gives exactly the answers it gives one thread. */
class ConcurrencyTest {
  private static final List<String> WORDS = List.of("grey", "deep", "palette", "alpha", "cmyk", "exif", "anim", "bmp",
      "tiff", "page", "stone", "river", "light", "paper", "house", "water");

  @Test
  void recognize_eightThreadsSharingOneRecognizer_sameAnswersAsOneThread() throws Exception {
    List<String> grams = "abcdefghijklmnopqrstuvwxyz".chars().mapToObj(c -> String.valueOf((char) c)).toList();
    JazNet net = JazNet.create(ModelSpec.of(Arch.SMALL, EnumSet.allOf(HeadKind.class), WORDS, grams), 13);
    List<BufferedImage> images = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      images.add(HostileCorpus.word(WORDS.get(i % WORDS.size()) + (i >= WORDS.size() ? "s" : "")));
    }
    try (Recognizer r = Recognizer.of(net)) {
      List<Recognition> single = new ArrayList<>();
      List<Recognition> singleLex = new ArrayList<>();
      for (BufferedImage img : images) {
        single.add(r.recognize(img));
        singleLex.add(r.recognizeAll(List.of(img), WORDS).get(0));
      }
      assertThat(single).extracting(Recognition::text).doesNotContainNull();

      int rounds = 3;
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int seed = t;
          futures.add(pool.submit(() -> {
            List<String> mismatches = new ArrayList<>();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
              order.add(i);
            }
            Random rnd = new Random(seed);
            for (int round = 0; round < rounds; round++) {
              Collections.shuffle(order, rnd);
              for (int i : order) {
                boolean lex = (i + round + seed) % 2 == 0;
                Recognition got = lex ? r.recognizeAll(List.of(images.get(i)), WORDS).get(0) : r.recognize(images.get(i));
                Recognition want = lex ? singleLex.get(i) : single.get(i);
                if (!got.equals(want)) {
                  mismatches.add("thread " + seed + " image " + i + (lex ? " (lexicon)" : "") + ": " + got + " != " + want);
                }
              }
            }
            return mismatches;
          }));
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> f : futures) {
          all.addAll(f.get(5, TimeUnit.MINUTES));
        }
        assertThat(all).isEmpty();
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
