package org.jaznet.recognizer.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The CHAR head over {@link SymbolSet#PRINT}: targets, its own reading, and the fold to the standard layout. */
class CharCodecPrintTest {
  static final CharCodec PRINT = CharCodec.of(SymbolSet.PRINT);

  /** PRINT CHAR probabilities that favour {@code word} (PRINT symbols) at each position with probability {@code p}. */
  static float[] printProbs(String word, float p) {
    float[] out = new float[87 * 23];
    int[] codes = PRINT.setCodes(word);
    for (int pos = 0; pos < 23; pos++) {
      for (int s = 0; s < 87; s++) {
        out[s * 23 + pos] = s == codes[pos] ? p : (1 - p) / 86;
      }
    }
    return out;
  }

  @Test
  void of_print_87SymbolsEndLast_lowerKeeps37() {
    assertThat(PRINT.symbols()).isEqualTo(87);
    assertThat(PRINT.end()).isEqualTo(86);
    assertThat(PRINT.width()).isEqualTo(87 * 23);
    assertThat(CharCodec.of(SymbolSet.LOWER)).isSameAs(CharCodec.INSTANCE);
    assertThat(CharCodec.INSTANCE.symbols()).isEqualTo(CharCodec.SYMBOLS);
    assertThat(CharCodec.INSTANCE.end()).isEqualTo(CharCodec.NULL);
    assertThat(CharCodec.withSymbols(87)).isSameAs(PRINT);
    assertThatThrownBy(() -> CharCodec.withSymbols(40)).hasMessageContaining("40");
  }

  @Test
  void targets_print_keepCaseAndPunctuationEndPadded() {
    INDArray t = PRINT.targets(List.of("Don't", "$5"));
    assertThat(t.shape()).containsExactly(2, 87, 23);
    assertThat(t.sumNumber().intValue()).isEqualTo(46);
    SymbolSet s = SymbolSet.PRINT;
    assertThat(t.getFloat(0, s.code('D'), 0)).isEqualTo(1f);
    assertThat(t.getFloat(0, s.code('o'), 1)).isEqualTo(1f);
    assertThat(t.getFloat(0, s.code('\''), 3)).isEqualTo(1f);
    assertThat(t.getFloat(0, s.code('t'), 4)).isEqualTo(1f);
    assertThat(t.getFloat(0, 86, 5)).isEqualTo(1f);
    assertThat(t.getFloat(1, s.code('$'), 0)).isEqualTo(1f);
    assertThat(t.getFloat(1, 86, 22)).isEqualTo(1f);
    // the LOWER codec reads the same words as the standard protocol
    INDArray lower = CharCodec.INSTANCE.targets(List.of("Don't"));
    assertThat(lower.shape()).containsExactly(1, 37, 23);
    assertThat(lower.getFloat(0, CharCodec.code('t'), 3)).isEqualTo(1f);
  }

  @Test
  void decodeFull_print_readsCaseAndPunctuationUpToTheEnd() {
    assertThat(PRINT.decodeFull(printProbs("Hello!", 0.6f), 0)).isEqualTo("Hello!");
    float[] lower = DecoderTest.charProbs("h3llo", 0.6f);
    assertThat(CharCodec.INSTANCE.decodeFull(lower, 0)).isEqualTo(CharCodec.decode(lower, 0));
  }

  @Test
  void fold_print_addsCapitalsToLettersAndDividesPunctuationOut() {
    float[] p = new float[87 * 23];
    SymbolSet s = SymbolSet.PRINT;
    // position 0: a 0.3, A 0.3, 7 0.1, '.' 0.2, end 0.1; other positions: end 1
    p[s.code('a') * 23] = 0.3f;
    p[s.code('A') * 23] = 0.3f;
    p[s.code('7') * 23] = 0.1f;
    p[s.code('.') * 23] = 0.2f;
    p[86 * 23] = 0.1f;
    for (int pos = 1; pos < 23; pos++) {
      p[86 * 23 + pos] = 1f;
    }
    float[] f = PRINT.fold(p, 0);
    assertThat(f).hasSize(37 * 23);
    assertThat((double) f[CharCodec.code('a') * 23]).isCloseTo(0.6 / 0.8, within(1e-6));
    assertThat((double) f[CharCodec.code('7') * 23]).isCloseTo(0.1 / 0.8, within(1e-6));
    assertThat((double) f[CharCodec.NULL * 23]).isCloseTo(0.1 / 0.8, within(1e-6));
    assertThat((double) f[CharCodec.NULL * 23 + 5]).isCloseTo(1, within(1e-6));
    for (int pos = 0; pos < 23; pos++) {
      double sum = 0;
      for (int c = 0; c < 37; c++) {
        sum += f[c * 23 + pos];
      }
      assertThat(sum).as("position %d", pos).isCloseTo(1, within(1e-5));
    }
    assertThat(CharCodec.decode(f, 0)).isEqualTo("a");
    float[] lower = DecoderTest.charProbs("word", 0.7f);
    assertThat(CharCodec.INSTANCE.fold(lower, 0)).containsExactly(lower);
  }

  @Test
  void headOutputs_printCharWidth_knownAndOddWidthRefusedNamingIt() {
    HeadOutputs out = new HeadOutputs(2, null, 0, new float[2 * 87 * 23], null, 0);
    assertThat(out.charSymbols()).isEqualTo(SymbolSet.PRINT);
    assertThat(new HeadOutputs(1, null, 0, new float[37 * 23], null, 0).charSymbols()).isEqualTo(SymbolSet.LOWER);
    assertThatThrownBy(() -> new HeadOutputs(1, null, 0, new float[40 * 23], null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("40 symbols per position");
    assertThatThrownBy(() -> new HeadOutputs(2, null, 0, new float[37 * 23], null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chars has 851 values");
  }
}
