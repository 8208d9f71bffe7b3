package org.jaznet.recognizer.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CharLmTest {
  private static final List<String> WORDS = List.of("cat", "cats", "catalog", "scatter", "hat", "hatch", "that",
      "chat", "Chatter!", "at", "bat", "batch", "table", "stable", "tablet", "2024");

  @Test
  void of_twoLetterWord_wittenBellByHand() {
    CharLm lm = CharLm.of(List.of("ab"), 2);
    // order 0: a, b, end once each (C = 3, T = 3); history "^": a once (C = 1, T = 1)
    double pA0 = (1 + 3.0 / 37) / 6;
    assertThat(lm.logProb(lm.start(), CharCodec.code('a'))).isCloseTo(Math.log((1 + pA0) / 2), within(1e-6));
    // "a" then "b": history "a" saw only "b"
    double pB0 = (1 + 3.0 / 37) / 6;
    long afterA = lm.next(lm.start(), CharCodec.code('a'));
    assertThat(lm.logProb(afterA, CharCodec.code('b'))).isCloseTo(Math.log((1 + pB0) / 2), within(1e-6));
    // unseen in every context: the uniform share of each backoff
    assertThat(lm.logProb(afterA, CharCodec.code('z'))).isCloseTo(Math.log(0.5 * 0.5 * (1.0 / 37)), within(1e-6));
  }

  @Test
  void logProb_everyHistory_outcomesSumToOne() {
    for (int order = 2; order <= 6; order++) {
      CharLm lm = CharLm.of(WORDS, order);
      Random rnd = new Random(order);
      List<long[]> histories = new ArrayList<>();
      histories.add(new long[] {lm.start()});
      for (String w : List.of("cat", "tabl", "zzq", "20", "chatte")) {
        long h = lm.start();
        for (char c : w.toCharArray()) {
          h = lm.next(h, CharCodec.code(c));
        }
        histories.add(new long[] {h});
      }
      for (int k = 0; k < 20; k++) {
        long h = lm.start();
        for (int i = rnd.nextInt(8); i > 0; i--) {
          h = lm.next(h, rnd.nextInt(36));
        }
        histories.add(new long[] {h});
      }
      for (long[] h : histories) {
        double sum = 0;
        for (int c = 0; c < CharLm.OUTCOMES; c++) {
          sum += Math.exp(lm.logProb(h[0], c));
        }
        assertThat(sum).as("order %d history %d", order, h[0]).isCloseTo(1.0, within(1e-5));
      }
    }
  }

  @Test
  void logProb_words_trainedWordsAboveScrambledAndNormalised() {
    CharLm lm = CharLm.of(WORDS, 5);
    assertThat(lm.logProb("table")).isGreaterThan(lm.logProb("tbale") + 3);
    assertThat(lm.logProb("chatter")).isGreaterThan(lm.logProb("chattre") + 3);
    assertThat(lm.logProb("Cat")).isEqualTo(lm.logProb("cat"));
    // endings are modelled: "cat" ends words, "cata" does not
    assertThat(lm.logProb("cat")).isGreaterThan(lm.logProb("cata"));
    assertThat(lm.logProb("")).isLessThan(0);
    assertThat(lm.size()).isPositive();
  }

  @Test
  void of_sameWordsAnyOrderOrDuplicates_sameModel() {
    List<String> shuffled = new ArrayList<>(WORDS);
    java.util.Collections.shuffle(shuffled, new Random(3));
    shuffled.addAll(WORDS.subList(0, 5));
    CharLm a = CharLm.of(WORDS, 4);
    CharLm b = CharLm.of(shuffled, 4);
    for (String w : List.of("cat", "tablets", "x", "2025", "hatchet")) {
      assertThat(b.logProb(w)).isEqualTo(a.logProb(w));
    }
  }

  @Test
  void of_badInput_rejectedWithReason() {
    assertThatThrownBy(() -> CharLm.of(WORDS, 1)).hasMessageContaining("order");
    assertThatThrownBy(() -> CharLm.of(WORDS, 7)).hasMessageContaining("order");
    assertThatThrownBy(() -> CharLm.of(List.of("!!", "--"), 3)).hasMessageContaining("no word");
  }
}
