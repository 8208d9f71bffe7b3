package org.jaznet.synth.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jaznet.synth.CaseMode;
import org.jaznet.synth.Lexicon;
import org.junit.jupiter.api.Test;

class WordSourceTest {
  private final Lexicon lexicon = Lexicon.of(List.of("alpha", "beta", "gamma"));

  @Test
  void next_noRandomStrings_returnsLexiconWordsWithTheirIndex() {
    WordSource s = new WordSource(lexicon, 0, CaseMode.LOWER, 10);
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 50; i++) {
      Word w = s.next(r);
      assertThat(w.random()).isFalse();
      assertThat(lexicon.get(w.lexiconIndex())).isEqualTo(w.text());
    }
  }

  @Test
  void next_onlyRandomStrings_returnsAlphanumericsOfBoundedLength() {
    WordSource s = new WordSource(lexicon, 1, CaseMode.UPPER, 10);
    SplittableRandom r = new SplittableRandom(2);
    int maxLen = 0;
    for (int i = 0; i < 300; i++) {
      Word w = s.next(r);
      assertThat(w.random()).isTrue();
      assertThat(w.text()).matches("[0-9A-Z]{1,10}");
      maxLen = Math.max(maxLen, w.text().length());
    }
    assertThat(maxLen).isEqualTo(10);
  }

  @Test
  void next_halfRatio_mixesWordsAndStringsNearTheRatio() {
    WordSource s = new WordSource(lexicon, 0.5, CaseMode.LOWER, 10);
    SplittableRandom r = new SplittableRandom(3);
    int random = 0;
    for (int i = 0; i < 2000; i++) {
      random += s.next(r).random() ? 1 : 0;
    }
    assertThat(random).isBetween(900, 1100);
  }

  @Test
  void next_mixedCase_usesAllThreeCasesAndKeepsTheLowercaseIndex() {
    WordSource s = new WordSource(lexicon, 0, CaseMode.MIXED, 10);
    SplittableRandom r = new SplittableRandom(4);
    boolean lower = false;
    boolean upper = false;
    boolean capital = false;
    for (int i = 0; i < 200; i++) {
      Word w = s.next(r);
      String t = w.text();
      lower |= t.equals(t.toLowerCase(Locale.ROOT));
      upper |= t.equals(t.toUpperCase(Locale.ROOT));
      capital |= Character.isUpperCase(t.charAt(0)) && t.substring(1).equals(t.substring(1).toLowerCase(Locale.ROOT));
      assertThat(lexicon.get(w.lexiconIndex())).isEqualTo(t.toLowerCase(Locale.ROOT));
    }
    assertThat(lower && upper && capital).isTrue();
  }

  @Test
  void next_sameSeed_sameWords() {
    WordSource s = new WordSource(lexicon, 0.3, CaseMode.MIXED, 10);
    SplittableRandom a = new SplittableRandom(9);
    SplittableRandom b = new SplittableRandom(9);
    for (int i = 0; i < 100; i++) {
      assertThat(s.next(a)).isEqualTo(s.next(b));
    }
  }

  @Test
  void constructor_ratioOutOfRange_throwsNamingTheValue() {
    assertThatThrownBy(() -> new WordSource(lexicon, 1.5, CaseMode.LOWER, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
  }
}
