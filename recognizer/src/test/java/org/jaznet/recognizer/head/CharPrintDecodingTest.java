package org.jaznet.recognizer.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.jaznet.recognizer.Alternative;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.Recognition;
import org.jaznet.recognizer.model.ModelSpec;
import org.junit.jupiter.api.Test;

/** A PRINT CHAR head through the decoder: its own reading is cased, the fusion scores its folded probabilities. */
class CharPrintDecodingTest {
  static final ModelSpec LOWER = DecoderTest.spec(DecoderTest.DICT, 8);
  static final ModelSpec PRINT = LOWER.withCharSymbols(SymbolSet.PRINT);

  /** A PRINT head's output for LOWER probabilities: each letter's mass split between a and A, no punctuation. */
  static float[] split(float[] lower) {
    float[] out = new float[87 * 23];
    SymbolSet s = SymbolSet.PRINT;
    for (int pos = 0; pos < 23; pos++) {
      for (int c = 0; c < 37; c++) {
        float v = lower[c * 23 + pos];
        if (c == CharCodec.NULL) {
          out[86 * 23 + pos] = v;
        } else if (c >= 10) {
          out[c * 23 + pos] = v / 2;
          out[s.code(Character.toUpperCase(CharCodec.symbol(c))) * 23 + pos] = v / 2;
        } else {
          out[c * 23 + pos] = v;
        }
      }
    }
    return out;
  }

  static HeadOutputs outputs(float[] chars) {
    NgramVocabulary v = new NgramVocabulary(LOWER.ngrams());
    float[] dict = new float[8];
    java.util.Arrays.fill(dict, 1f / 8);
    return new HeadOutputs(1, dict, 8, chars, DecoderTest.ngramProbs(v, "world", 0.6f, 0.05f), v.size());
  }

  @Test
  void decode_printCharSplitFromLower_fusedAndLexiconReadingsAsTheLowerHead() {
    float[] lower = DecoderTest.charProbs("yellow", 0.7f);
    Decoder dl = new Decoder(LOWER, Calibration.DEFAULT);
    Decoder dp = new Decoder(PRINT, Calibration.DEFAULT);
    for (boolean withLexicon : new boolean[] {false, true}) {
      List<String> words = List.of("yellow", "hello", "world", "Yellow!");
      Recognition a = dl.decode(outputs(lower), 0, withLexicon ? dl.compile(words) : null);
      Recognition b = dp.decode(outputs(split(lower)), 0, withLexicon ? dp.compile(words) : null);
      assertThat(b.text()).isEqualTo(a.text()).isEqualTo("yellow");
      assertThat(b.confidence()).isCloseTo(a.confidence(), within(1e-6));
      assertThat(b.alternatives()).extracting(Alternative::text)
          .containsExactlyElementsOf(a.alternatives().stream().map(Alternative::text).toList());
      assertThat(b.perHead().get(HeadKind.CHAR).score()).isCloseTo(a.perHead().get(HeadKind.CHAR).score(), within(1e-6));
      if (withLexicon) {
        assertThat(b.perHead().get(HeadKind.CHAR).lexiconText()).isEqualTo("yellow");
        assertThat(b.perHead().get(HeadKind.CHAR).lexiconScore())
            .isCloseTo(a.perHead().get(HeadKind.CHAR).lexiconScore(), within(1e-6));
      }
    }
  }

  @Test
  void decode_printCharReadsCaseAndPunctuation_fusionGetsItsStandardForm() {
    Decoder d = new Decoder(PRINT, Calibration.DEFAULT);
    Recognition r = d.decode(outputs(CharCodecPrintTest.printProbs("Hell!", 0.8f)), 0, null);
    assertThat(r.perHead().get(HeadKind.CHAR).text()).isEqualTo("Hell!");
    // the fused reading is the standard form (this model's CTC head, absent, would restore case)
    assertThat(r.text()).isEqualTo("hell");
    assertThat(r.alternatives()).extracting(Alternative::text).allMatch(CharCodec::isNormalised);
  }
}
