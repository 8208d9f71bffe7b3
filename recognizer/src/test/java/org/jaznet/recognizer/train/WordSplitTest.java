package org.jaznet.recognizer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WordSplitTest {
  static List<String> words(int n) {
    List<String> w = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      w.add("w" + Integer.toString(i, 36));
    }
    return w;
  }

  @Test
  void of_onePercentHoldout_disjointAndComplete() {
    WordSplit s = WordSplit.of(words(1000), DictOrder.SHUFFLED, 0.01, 7);
    assertThat(s.heldOut()).hasSize(10);
    assertThat(s.training()).hasSize(990);
    Set<String> t = new HashSet<>(s.training());
    assertThat(s.heldOut()).noneMatch(t::contains);
    assertThat(new HashSet<>(s.classes())).isEqualTo(new HashSet<>(words(1000)));
  }

  @Test
  void of_sameSeed_sameSplitAndOrder_otherSeedDiffers() {
    WordSplit a = WordSplit.of(words(500), DictOrder.SHUFFLED, 0.02, 3);
    WordSplit b = WordSplit.of(words(500), DictOrder.SHUFFLED, 0.02, 3);
    WordSplit c = WordSplit.of(words(500), DictOrder.SHUFFLED, 0.02, 4);
    assertThat(a).isEqualTo(b);
    assertThat(a.classes()).isNotEqualTo(c.classes());
  }

  @Test
  void of_fileOrder_keepsDictionaryOrderAndNormalises() {
    WordSplit s = WordSplit.of(List.of("Hello", "it's", "hello", "2016", "---"), DictOrder.FILE, 0, 1);
    assertThat(s.classes()).containsExactly("hello", "its", "2016");
    assertThat(s.heldOut()).isEmpty();
  }

  @Test
  void activeTraining_skipsHeldOutWords() {
    WordSplit s = new WordSplit(List.of("a", "b", "c", "d"), List.of("a", "c", "d"), List.of("b"));
    assertThat(s.activeTraining(3)).containsExactly("a", "c");
  }

  @Test
  void of_noAlphanumericWord_throws() {
    assertThatThrownBy(() -> WordSplit.of(List.of("!!", "--"), DictOrder.FILE, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no alphanumeric");
  }
}
