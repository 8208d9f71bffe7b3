package org.jaznet.recognizer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.head.SymbolSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A CHAR head over PRINT: its shape, and the widening of a LOWER CHAR head's weights ({@link CharHeadWidening}). */
class CharWideningTest {
  static final EnumSet<HeadKind> HEADS = EnumSet.of(HeadKind.CHAR, HeadKind.DICT, HeadKind.CTC);

  static ModelSpec spec(SymbolSet charSymbols) {
    return new ModelSpec(Arch.SMALL_BN_RELU_SEQ, HEADS, JazNetTest.DICT, 5, List.of(), Optimiser.ADAM, 1e-3, 0, 0,
        SymbolSet.PRINT, charSymbols);
  }

  @Test
  void create_printCharSymbols_charHeadHas87By23OutputsSummingToOnePerPosition() {
    JazNet lower = JazNet.create(spec(SymbolSet.LOWER), 4);
    JazNet print = JazNet.create(spec(SymbolSet.PRINT), 4);
    INDArray out = print.output(JazNetTest.input(2, 3)).get(HeadKind.CHAR);
    assertThat(out.shape()).containsExactly(2, 87, 23);
    INDArray perPosition = out.sum(1); // [2, 23]
    assertThat(perPosition.sub(1).amaxNumber().doubleValue()).isLessThan(1e-5);
    assertThat(print.graph().getLayer(GraphConfig.CHAR_LOGITS).getParam("W").shape()).containsExactly(512, 87 * 23);
    // 50 more outputs per position: 512 weights and a bias each
    assertThat(print.graph().numParams() - lower.graph().numParams()).isEqualTo(50L * 23 * 513);
    assertThat(JazNet.forwardFlopsPerImage(print.spec()) - JazNet.forwardFlopsPerImage(lower.spec()))
        .isEqualTo(2L * 512 * 50 * 23);
    assertThat(lower.output(JazNetTest.input(2, 3)).get(HeadKind.CHAR).shape()).containsExactly(2, 37, 23);
  }

  @Test
  void save_printChar_loadsWithItsCharSymbolsAndOutputs(@TempDir Path tmp) throws Exception {
    JazNet net = JazNet.create(spec(SymbolSet.PRINT), 4);
    Path file = tmp.resolve("p.zip");
    ModelFile.save(net, file);
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      String json = new String(zip.getInputStream(zip.getEntry("model.json")).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      assertThat(json).contains("\"charSymbols\" : \"PRINT\"");
    }
    JazNet back = ModelFile.load(file);
    assertThat(back.spec().charSymbols()).isEqualTo(SymbolSet.PRINT);
    INDArray x = JazNetTest.input(2, 6);
    assertThat(back.output(x).get(HeadKind.CHAR)).isEqualTo(net.output(x).get(HeadKind.CHAR));
    // the inference graph (BN folded, NHWC) gives the same CHAR layout
    INDArray folded = back.inference().output(x).get(HeadKind.CHAR);
    assertThat(folded.sub(net.output(x).get(HeadKind.CHAR)).amaxNumber().doubleValue()).isLessThan(1e-4);
  }

  @Test
  void spec_printCharWithoutCharHead_refused() {
    assertThatThrownBy(() -> new ModelSpec(Arch.SMALL, EnumSet.of(HeadKind.CTC), List.of(), 0, List.of(),
        Optimiser.ADAM, 1e-3, 0, 0, SymbolSet.PRINT, SymbolSet.PRINT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("charSymbols must be LOWER without a CHAR head");
  }

  @Test
  void startFrom_lowerCharToPrint_copiesMappedWeightsExactly() {
    JazNet lower = JazNet.create(spec(SymbolSet.LOWER), 7);
    INDArray oldB = lower.graph().getLayer(GraphConfig.CHAR_LOGITS).getParam("b");
    // a trained-like bias (a fresh one is all zero, which would hide a wrong column)
    oldB.assign(Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(2), oldB.shape()).subi(0.5).muli(4)
        .castTo(oldB.dataType()));
    JazNet print = JazNet.create(spec(SymbolSet.PRINT), 8);
    assertThat(print.startFrom(lower)).isEmpty();
    INDArray oldW = lower.graph().getLayer(GraphConfig.CHAR_LOGITS).getParam("W");
    INDArray w = print.graph().getLayer(GraphConfig.CHAR_LOGITS).getParam("W");
    INDArray b = print.graph().getLayer(GraphConfig.CHAR_LOGITS).getParam("b");
    SymbolSet s = SymbolSet.PRINT;
    double log2 = Math.log(2);
    for (int p : new int[] {0, 4, 22}) {
      for (int k : new int[] {0, 100, 511}) {
        assertThat(w.getFloat(k, s.code('7') * 23 + p)).isEqualTo(oldW.getFloat(k, CharCodec.code('7') * 23 + p));
        assertThat(w.getFloat(k, s.code('q') * 23 + p)).isEqualTo(oldW.getFloat(k, CharCodec.code('q') * 23 + p));
        assertThat(w.getFloat(k, s.code('Q') * 23 + p)).isEqualTo(oldW.getFloat(k, CharCodec.code('q') * 23 + p));
        assertThat(w.getFloat(k, 86 * 23 + p)).isEqualTo(oldW.getFloat(k, 36 * 23 + p));
        assertThat(w.getFloat(k, s.code('.') * 23 + p)).isZero();
        assertThat(w.getFloat(k, s.code('=') * 23 + p)).isZero();
      }
      assertThat((double) b.getFloat(s.code('7') * 23 + p)).isEqualTo(oldB.getFloat(7 * 23 + p));
      assertThat((double) b.getFloat(s.code('q') * 23 + p))
          .isCloseTo(oldB.getFloat(CharCodec.code('q') * 23 + p) - log2, within(1e-6));
      assertThat((double) b.getFloat(s.code('Q') * 23 + p))
          .isCloseTo(oldB.getFloat(CharCodec.code('q') * 23 + p) - log2, within(1e-6));
      assertThat((double) b.getFloat(86 * 23 + p)).isEqualTo(oldB.getFloat(36 * 23 + p));
      assertThat((double) b.getFloat(s.code('?') * 23 + p))
          .isCloseTo(oldB.getFloat(36 * 23 + p) - WeightTransfer.NEW_MARK_OFFSET, within(1e-6));
    }
    // so the folded probabilities are the old head's
    INDArray x = JazNetTest.input(2, 5);
    float[] a = lower.output(x).get(HeadKind.CHAR).dup('c').data().asFloat();
    float[] c = print.output(x).get(HeadKind.CHAR).dup('c').data().asFloat();
    CharCodec codec = CharCodec.of(SymbolSet.PRINT);
    for (int i = 0; i < 2; i++) {
      float[] folded = codec.fold(c, i * codec.width());
      for (int k = 0; k < folded.length; k++) {
        assertThat((double) folded[k]).as("image %d entry %d", i, k).isCloseTo(a[i * 851 + k], within(1e-5));
      }
    }
    // the rest of the network is copied as it is
    assertThat(print.graph().getLayer("ctc_logits").getParam("W"))
        .isEqualTo(lower.graph().getLayer("ctc_logits").getParam("W"));
  }

  @Test
  void startFrom_printCharToLower_refusedNamingTheLayer() {
    JazNet print = JazNet.create(spec(SymbolSet.PRINT), 8);
    JazNet lower = JazNet.create(spec(SymbolSet.LOWER), 7);
    assertThatThrownBy(() -> lower.startFrom(print)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("char_logits");
    assertThatThrownBy(() -> print.setWeightsFrom(lower)).isInstanceOf(IllegalArgumentException.class);
  }
}
