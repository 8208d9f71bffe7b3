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

  @Test
  void next_shortWordRatio_drawsShortTextsOfEveryLengthHalfFromTheDictionary() {
    Lexicon lex = Lexicon.of(List.of("a", "to", "cat", "door", "window", "elephant"));
    WordSource s = new WordSource(lex, 0, CaseMode.LOWER, 10, 0.5);
    SplittableRandom r = new SplittableRandom(3);
    int[] byLength = new int[12];
    int shortDictionary = 0;
    int shortRandom = 0;
    int n = 8000;
    for (int i = 0; i < n; i++) {
      Word w = s.next(r);
      byLength[w.text().length()]++;
      if (w.text().length() <= WordSource.SHORT_MAX) {
        if (w.random()) {
          shortRandom++;
        } else {
          shortDictionary++;
          assertThat(w.lexiconIndex()).isGreaterThanOrEqualTo(0);
        }
      }
    }
    // half the draws are short: ~1000 per length 1..4 plus the uniform draw's a/to/cat/door (~667 each)
    for (int len = 1; len <= 4; len++) {
      assertThat(byLength[len]).as("length %d", len).isBetween(1450, 1900);
    }
    assertThat(byLength[6] + byLength[8]).isBetween(1150, 1520);
    // the short draw's random strings: about half of its 4000
    assertThat(shortRandom).isBetween(1800, 2200);
    assertThat(shortDictionary).isGreaterThan(shortRandom);
  }

  @Test
  void next_shortWordRatioZero_drawsAsBefore() {
    WordSource plain = new WordSource(lexicon, 0.3, CaseMode.MIXED, 10);
    WordSource zero = new WordSource(lexicon, 0.3, CaseMode.MIXED, 10, 0);
    SplittableRandom a = new SplittableRandom(4);
    SplittableRandom b = new SplittableRandom(4);
    for (int i = 0; i < 200; i++) {
      assertThat(zero.next(b)).isEqualTo(plain.next(a));
    }
  }

  @Test
  void next_numberRatio_drawsDigitOnlyTextsOfShortAndLongLengths() {
    WordSource s = new WordSource(lexicon, 0, CaseMode.UPPER, 10, 0, 0.25);
    SplittableRandom r = new SplittableRandom(5);
    int numbers = 0;
    int[] byLength = new int[11];
    int n = 8000;
    for (int i = 0; i < n; i++) {
      Word w = s.next(r);
      if (w.text().chars().allMatch(Character::isDigit)) {
        numbers++;
        byLength[w.text().length()]++;
        assertThat(w.random()).isTrue();
        assertThat(w.lexiconIndex()).isEqualTo(-1);
      } else {
        assertThat(w.text()).isIn("ALPHA", "BETA", "GAMMA");
      }
    }
    assertThat(numbers).isBetween(1850, 2150);
    // half the numbers are 1..4 digits long, half 1..10: 17.5 % of them per length 1..4, 5 % per length 5..10
    for (int len = 1; len <= 4; len++) {
      assertThat(byLength[len]).as("length %d", len).isBetween(290, 410);
    }
    for (int len = 5; len <= 10; len++) {
      assertThat(byLength[len]).as("length %d", len).isBetween(65, 140);
    }
  }

  @Test
  void next_numberRatioZero_drawsAsBefore() {
    WordSource plain = new WordSource(lexicon, 0.3, CaseMode.MIXED, 10, 0.2);
    WordSource zero = new WordSource(lexicon, 0.3, CaseMode.MIXED, 10, 0.2, 0);
    SplittableRandom a = new SplittableRandom(6);
    SplittableRandom b = new SplittableRandom(6);
    for (int i = 0; i < 200; i++) {
      assertThat(zero.next(b)).isEqualTo(plain.next(a));
    }
  }

  @Test
  void new_numberRatioOutOfRange_namesIt() {
    assertThatThrownBy(() -> new WordSource(lexicon, 0, CaseMode.LOWER, 10, 0, -0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numberRatio");
  }

  @Test
  void next_printRatio_drawsPrintFormsAtThatShareOfTheNonShortSamples() {
    WordSource s = new WordSource(lexicon, 0, CaseMode.MIXED, 10, 0.5, 0, 0.4);
    SplittableRandom r = new SplittableRandom(7);
    int print = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      Word w = s.next(r);
      // every print form but 9am (0.9 % of them) has a character that is neither letter nor digit; no other
      // draw has one
      if (!w.text().matches("[0-9A-Za-z]+")) {
        print++;
        assertThat(w.random()).isTrue();
        assertThat(w.text().length()).isLessThanOrEqualTo(23);
      }
    }
    // half the samples are short, 40 % of the rest print forms: 4000
    assertThat(print).isBetween(3700, 4300);
  }

  @Test
  void next_printRatioAndNumberRatio_numbersAreTheirShareOfTheRest() {
    WordSource s = new WordSource(lexicon, 0, CaseMode.LOWER, 10, 0, 0.5, 0.5);
    SplittableRandom r = new SplittableRandom(8);
    int numbers = 0;
    int print = 0;
    for (int i = 0; i < 8000; i++) {
      String t = s.next(r).text();
      if (t.matches("[0-9]+")) {
        numbers++;
      } else if (!t.matches("[a-z]+")) {
        print++;
      }
    }
    assertThat(print).isBetween(3800, 4200);
    assertThat(numbers).isBetween(1800, 2200);
  }

  @Test
  void next_printRatioZero_drawsAsBefore() {
    for (double[] ratios : new double[][] {{0, 0}, {0.2, 0}, {0, 0.3}, {0.2, 0.3}}) {
      WordSource plain = new WordSource(lexicon, 0.3, CaseMode.MIXED, 10, ratios[0], ratios[1]);
      WordSource zero = new WordSource(lexicon, 0.3, CaseMode.MIXED, 10, ratios[0], ratios[1], 0);
      SplittableRandom a = new SplittableRandom(10);
      SplittableRandom b = new SplittableRandom(10);
      for (int i = 0; i < 500; i++) {
        assertThat(zero.next(b)).isEqualTo(plain.next(a));
      }
      assertThat(b.nextLong()).as("generator state after the draws").isEqualTo(a.nextLong());
    }
  }

  @Test
  void next_printRatio_sameSeedSameWords() {
    WordSource s = new WordSource(lexicon, 0.1, CaseMode.MIXED, 10, 0.1, 0.1, 0.5);
    WordSource t = new WordSource(lexicon, 0.1, CaseMode.MIXED, 10, 0.1, 0.1, 0.5);
    SplittableRandom a = new SplittableRandom(9);
    SplittableRandom b = new SplittableRandom(9);
    for (int i = 0; i < 2000; i++) {
      assertThat(t.next(b)).isEqualTo(s.next(a));
    }
  }

  @Test
  void new_printRatioOutOfRange_namesIt() {
    assertThatThrownBy(() -> new WordSource(lexicon, 0, CaseMode.LOWER, 10, 0, 0, 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("printRatio").hasMessageContaining("1.5");
  }
}
