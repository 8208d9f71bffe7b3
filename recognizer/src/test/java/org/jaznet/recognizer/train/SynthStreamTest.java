package org.jaznet.recognizer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.SynthEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthStreamTest {
  static SynthEngine fruit;
  static SynthEngine digits;

  @BeforeAll
  static void engines(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.txt"), "apple\npear\nplum\n");
    Path b = Files.writeString(dir.resolve("b.txt"), "123\n456\n");
    fruit = SynthEngine.create(SynthConfig.defaults(5).withDictionary(a).withRandomStringRatio(0));
    digits = SynthEngine.create(SynthConfig.defaults(5).withDictionary(b).withRandomStringRatio(0));
  }

  static Batch nth(SynthStream s, int n) throws InterruptedException {
    Batch b = null;
    for (int i = 0; i <= n; i++) {
      b = s.next();
    }
    return b;
  }

  @Test
  void next_oneOrTwoThreads_sameBatches() throws Exception {
    List<SynthStream.Source> src = List.of(new SynthStream.Source(fruit, 1));
    try (SynthStream one = new SynthStream(src, 4, 1, 0, 9); SynthStream two = new SynthStream(src, 4, 2, 0, 9)) {
      for (int k = 0; k < 3; k++) {
        Batch x = one.next();
        Batch y = two.next();
        assertThat(x.words()).isEqualTo(y.words());
        assertThat(x.pixels()).isEqualTo(y.pixels());
      }
    }
  }

  @Test
  void next_startedAtLaterIndex_continuesTheSameSequence() throws Exception {
    List<SynthStream.Source> src = List.of(new SynthStream.Source(fruit, 1));
    try (SynthStream whole = new SynthStream(src, 3, 1, 0, 9); SynthStream resumed = new SynthStream(src, 3, 1, 6, 9)) {
      Batch third = nth(whole, 2);
      Batch first = resumed.next();
      assertThat(first.words()).isEqualTo(third.words());
      assertThat(first.pixels()).isEqualTo(third.pixels());
    }
  }

  @Test
  void next_twoSources_mixesRoughlyByWeight() throws Exception {
    List<SynthStream.Source> src = List.of(new SynthStream.Source(fruit, 0.75), new SynthStream.Source(digits, 0.25));
    int numeric = 0;
    int total = 0;
    Set<String> seen = new HashSet<>();
    try (SynthStream s = new SynthStream(src, 50, 2, 0, 1)) {
      for (int k = 0; k < 4; k++) {
        Batch b = s.next();
        assertThat(b.pixels()).hasSize(50 * Preprocessor.SIZE);
        for (String w : b.words()) {
          seen.add(w.toLowerCase());
          total++;
          if (Character.isDigit(w.charAt(0))) {
            numeric++;
          }
        }
      }
    }
    assertThat(seen).isSubsetOf("apple", "pear", "plum", "123", "456");
    assertThat(numeric / (double) total).isBetween(0.15, 0.35);
  }

  @Test
  void render_validationRange_disjointFromTraining() throws Exception {
    Batch v = Validator.render(fruit, Trainer.VALIDATION_BASE, 4, 2);
    try (SynthStream s = new SynthStream(List.of(new SynthStream.Source(fruit, 1)), 4, 1, 0, 9)) {
      assertThat(s.next().pixels()).isNotEqualTo(v.pixels());
    }
    assertThat(v.words()).hasSize(4);
  }
}
