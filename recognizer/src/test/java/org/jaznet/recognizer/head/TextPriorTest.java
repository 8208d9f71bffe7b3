package org.jaznet.recognizer.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextPriorTest {
  private static final List<String> WORDS = List.of("cat", "cats", "catalog", "scatter", "hat", "hatch", "that",
      "chat", "at", "bat", "batch", "table", "stable", "tablet", "a", "an", "the");
  private static final CharLm LM = CharLm.of(WORDS, 4);

  @Test
  void logProb_noShares_isTheLmAlone() {
    TextPrior p = new TextPrior(LM, WORDS, TextPrior.Shares.NONE);
    for (String w : List.of("cat", "xqz", "2024", "a", "")) {
      assertThat(p.logProb(w)).isCloseTo(LM.logProb(w), within(1e-12));
    }
  }

  @Test
  void logProb_streamShares_numbersAndShortRandomTextsKeepTheirShare() {
    TextPrior.Shares shares = new TextPrior.Shares(0.2, 0.06, 0.1, 10);
    TextPrior p = new TextPrior(LM, WORDS, shares);
    // a number: at least its component, (1 - s) n * (0.5 / 4 + 0.5 / 10) * 10^-4
    assertThat(p.logProb("2024")).isGreaterThanOrEqualTo(Math.log(0.8 * 0.06 * (0.125 + 0.05) * 1e-4) - 1e-9);
    assertThat(p.logProb("2024")).isGreaterThan(LM.logProb("2024") + 5);
    // a short random text: at least s / 4 / 2 * 36^-2
    assertThat(p.logProb("xq")).isGreaterThanOrEqualTo(Math.log(0.2 / 8 / (36.0 * 36)) - 1e-9);
    // a long random text only through the random-string share (and the LM)
    double longRandom = Math.log(0.8 * 0.94 * 0.1 / 10) - 9 * Math.log(36);
    assertThat(p.logProb("qzxjkvwpf")).isGreaterThanOrEqualTo(longRandom - 1e-9).isLessThan(longRandom + 1);
    // dictionary words still score far above random strings of their length
    assertThat(p.logProb("table")).isGreaterThan(p.logProb("tqbxe") + 3);
    // a word longer than any random string: the LM part alone
    String longWord = "catalogcatalogcat";
    assertThat(p.logProb(longWord)).isCloseTo(Math.log(0.8 * 0.94 * 0.9) + LM.logProb(longWord), within(1e-9));
  }

  @Test
  void shares_outOfRange_rejected() {
    assertThatThrownBy(() -> new TextPrior.Shares(1.0, 0, 0, 10)).hasMessageContaining("shares");
    assertThatThrownBy(() -> new TextPrior.Shares(0.2, -0.1, 0, 10)).hasMessageContaining("shares");
    assertThatThrownBy(() -> new TextPrior.Shares(0.2, 0.1, 0.1, 0)).hasMessageContaining("maxRandomLength");
  }
}
