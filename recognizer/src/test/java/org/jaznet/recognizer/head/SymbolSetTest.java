package org.jaznet.recognizer.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class SymbolSetTest {
  /** A full PRINT lattice that spells {@code text}: each symbol on two steps, blanks between and after. */
  static double[] lattice(String text) {
    SymbolSet set = SymbolSet.PRINT;
    int classes = set.classes();
    double[] lp = new double[CtcCodec.STEPS * classes];
    double low = Math.log(0.02 / (classes - 1));
    Arrays.fill(lp, low);
    int t = 0;
    for (int i = 0; i < text.length(); i++) {
      int c = set.code(text.charAt(i));
      lp[t++ * classes + c] = Math.log(0.98);
      lp[t++ * classes + set.blank()] = Math.log(0.98);
    }
    while (t < CtcCodec.STEPS) {
      lp[t++ * classes + set.blank()] = Math.log(0.98);
    }
    return lp;
  }

  @Test
  void print_sharesTheLowerPrefixAndHasTheListedPunctuation() {
    assertThat(SymbolSet.LOWER.classes()).isEqualTo(37);
    assertThat(SymbolSet.PRINT.size()).isEqualTo(86);
    for (int c = 0; c < SymbolSet.ALNUM; c++) {
      assertThat(SymbolSet.PRINT.symbol(c)).isEqualTo(SymbolSet.LOWER.symbol(c));
    }
    for (char c : ".,;:!?'\"-()[]/&%$\u20ac\u00a3@#+*=".toCharArray()) {
      assertThat(SymbolSet.PRINT.code(c)).as("%s", c).isGreaterThanOrEqualTo(62);
      assertThat(SymbolSet.PRINT.foldedCode(SymbolSet.PRINT.code(c))).isEqualTo(-1);
    }
    assertThat(SymbolSet.PRINT.foldedCode(SymbolSet.PRINT.code('Q'))).isEqualTo(SymbolSet.PRINT.code('q'));
    assertThat(SymbolSet.PRINT.code(' ')).isEqualTo(-1);
    assertThat(SymbolSet.withClasses(87)).isEqualTo(SymbolSet.PRINT);
    assertThat(SymbolSet.fromFile(null)).isEqualTo(SymbolSet.LOWER);
    assertThatThrownBy(() -> SymbolSet.withClasses(40)).hasMessageContaining("40");
  }

  @Test
  void normalise_printKeepsCaseAndPunctuationAndMapsTypography() {
    assertThat(SymbolSet.PRINT.normalise("\u201cDon\u2019t\u201d \u2014 $19.99~")).isEqualTo("\"Don't\"-$19.99");
    assertThat(SymbolSet.LOWER.normalise("Don't $19.99")).isEqualTo("dont1999");
  }

  @Test
  void targets_printHeadWritesCasedCodesThenBlank() {
    CtcCodec codec = CtcCodec.of(SymbolSet.PRINT);
    INDArray t = codec.targets(List.of("Ab."));
    assertThat(t.shape()).containsExactly(1, 25 * 87);
    float[] d = t.data().asFloat();
    assertThat(d[SymbolSet.PRINT.code('A') * 25]).isEqualTo(1f);
    assertThat(d[SymbolSet.PRINT.code('b') * 25 + 1]).isEqualTo(1f);
    assertThat(d[SymbolSet.PRINT.code('.') * 25 + 2]).isEqualTo(1f);
    assertThat(d[SymbolSet.PRINT.blank() * 25 + 3]).isEqualTo(1f);
  }

  @Test
  void fold_sumsCapitalsIntoLettersAndPunctuationIntoTheBlank() {
    CtcCodec codec = CtcCodec.of(SymbolSet.PRINT);
    double[] full = lattice("$19.99");
    double[] folded = codec.fold(full);
    assertThat(folded).hasSize(CtcCodec.WIDTH);
    for (int t = 0; t < CtcCodec.STEPS; t++) {
      double sum = 0;
      for (int c = 0; c < CtcCodec.SYMBOLS; c++) {
        sum += Math.exp(folded[t * CtcCodec.SYMBOLS + c]);
      }
      assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }
    assertThat(CtcCodec.decode(folded)).isEqualTo("1999");
    assertThat(codec.decodeFull(full)).isEqualTo("$19.99");
    assertThat(CtcCodec.decode(codec.fold(lattice("STEWARDESS")))).isEqualTo("stewardess");
  }

  @Test
  void restore_readsCaseAndPunctuationOfTheStandardWord() {
    assertThat(CaseRestorer.restore(lattice("$19.99"), SymbolSet.PRINT, "1999")).isEqualTo("$19.99");
    assertThat(CaseRestorer.restore(lattice("STEWARDESS"), SymbolSet.PRINT, "stewardess")).isEqualTo("STEWARDESS");
    assertThat(CaseRestorer.restore(lattice("(Hello),"), SymbolSet.PRINT, "hello")).isEqualTo("(Hello),");
    // the fused word is not what the lattice spells best: its letters keep the image's case where they can
    assertThat(CaseRestorer.restore(lattice("Don't"), SymbolSet.PRINT, "dont")).isEqualTo("Don't");
    String other = CaseRestorer.restore(lattice("CAT"), SymbolSet.PRINT, "cut");
    assertThat(CharCodec.normalise(other)).isEqualTo("cut");
    assertThat(CaseRestorer.restore(lattice("CAT"), SymbolSet.LOWER, "cat")).isEqualTo("cat");
    // more letters than 25 steps can hold: the standard word comes back unchanged
    assertThat(CaseRestorer.restore(lattice("CAT"), SymbolSet.PRINT, "abcdefghijklmnopqrstuvwxyzab"))
        .isEqualTo("abcdefghijklmnopqrstuvwxyzab");
  }

  @Test
  void mixedCase_isJudgedPerRunOfLetters() {
    assertThat(CaseRestorer.mixedCase("doOr")).isTrue();
    assertThat(CaseRestorer.mixedCase("McDonald")).isTrue();
    assertThat(CaseRestorer.mixedCase("COPPEr")).isTrue();
    assertThat(CaseRestorer.mixedCase("door")).isFalse();
    assertThat(CaseRestorer.mixedCase("Door")).isFalse();
    assertThat(CaseRestorer.mixedCase("DOOR")).isFalse();
    assertThat(CaseRestorer.mixedCase("New-York")).isFalse();
    assertThat(CaseRestorer.mixedCase("DON'T")).isFalse();
    assertThat(CaseRestorer.mixedCase("x1Y")).isFalse();
    assertThat(CaseRestorer.mixedCase("$19.99")).isFalse();
  }

  @Test
  void restore_casePriorSettlesAnAmbiguousCapital() {
    // "door" with the third letter's case nearly even (O a little likelier than o)
    SymbolSet set = SymbolSet.PRINT;
    double[] lp = lattice("door");
    int row = 4 * set.classes();
    lp[row + set.code('o')] = Math.log(0.40);
    lp[row + set.code('O')] = Math.log(0.58);
    assertThat(CaseRestorer.restore(lp, set, "door", 0)).isEqualTo("doOr");
    assertThat(CaseRestorer.restore(lp, set, "door")).isEqualTo("door");
    // a clear reading keeps its case whatever the prior
    assertThat(CaseRestorer.restore(lattice("McDonald"), set, "mcdonald", CaseRestorer.DEFAULT_SWITCH_PENALTY))
        .isEqualTo("McDonald");
    assertThatThrownBy(() -> CaseRestorer.restore(lp, set, "door", -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
