package org.jaznet.recognizer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.head.SymbolSet;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.synth.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Training a CHAR head over PRINT: new runs, {@code --init-from} a LOWER CHAR head (widened only when asked), resume. */
class TrainerCharSymbolsTest {
  @TempDir Path dir;

  TrainConfig.Builder tiny(String name) {
    return TrainConfig.builder(ProjectPaths.home().resolve("dictionaries/test-50.txt"), dir.resolve(name + ".zip"))
        .arch(Arch.SMALL).heads(EnumSet.of(HeadKind.CHAR, HeadKind.DICT)).batch(4).steps(3).warmupSteps(0)
        .validateEvery(0).validationSize(8).logEvery(1).holdout(0.1).seed(3);
  }

  static final class Losses implements TrainListener {
    final List<Double> losses = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    @Override
    public void onStep(StepReport r) {
      losses.add(r.loss());
    }

    @Override
    public void onEvent(String message) {
      events.add(message);
    }
  }

  private static INDArray charBias(JazNet net) {
    return net.graph().getLayer("char_logits").getParam("b");
  }

  @Test
  void run_newPrintModel_charHeadReadsPrintAndTrains() throws Exception {
    Losses rec = new Losses();
    Trainer.TrainResult r = new Trainer(tiny("p").symbols(SymbolSet.PRINT).printRatio(0.5).build(), rec).run();
    assertThat(r.step()).isEqualTo(3);
    assertThat(rec.losses).hasSize(3).allMatch(l -> Double.isFinite(l) && l > 0);
    JazNet p = ModelFile.load(dir.resolve("p.zip"));
    assertThat(p.spec().charSymbols()).isEqualTo(SymbolSet.PRINT);
    assertThat(p.output(Nd4j.zeros(1, 1, 32, 100)).get(HeadKind.CHAR).shape()).containsExactly(1, 87, 23);
    // a fresh dense layer's bias is zero: the steps moved every unit, capitals and marks too
    INDArray b = charBias(p);
    SymbolSet s = SymbolSet.PRINT;
    for (char c : new char[] {'a', 'A', '.', '$'}) {
      assertThat(Math.abs(b.getDouble((long) s.code(c) * 23))).as("bias of %s at position 0", c).isGreaterThan(1e-5);
    }
    assertThat(Files.readString(dir.resolve("p.train.json"))).contains("\"charSymbols\" : \"PRINT\"");
    // the --symbols LOWER default keeps the CHAR head LOWER
    new Trainer(tiny("l").steps(1).build(), null).run();
    assertThat(ModelFile.load(dir.resolve("l.zip")).spec().charSymbols()).isEqualTo(SymbolSet.LOWER);
  }

  @Test
  void run_initFromLowerChar_widensOnlyWhenAsked() throws Exception {
    new Trainer(tiny("a").steps(2).build(), null).run();
    JazNet a = ModelFile.load(dir.resolve("a.zip"));
    assertThat(a.spec().charSymbols()).isEqualTo(SymbolSet.LOWER);
    // today's stage command: --symbols print --init-from a LOWER CHAR model keeps it LOWER
    Losses kept = new Losses();
    new Trainer(tiny("b").steps(1).symbols(SymbolSet.PRINT).initFrom(dir.resolve("a.zip")).build(), kept).run();
    assertThat(ModelFile.load(dir.resolve("b.zip")).spec().charSymbols()).isEqualTo(SymbolSet.LOWER);
    assertThat(kept.events).noneMatch(e -> e.startsWith("CHAR head widened"));
    Losses widened = new Losses();
    new Trainer(tiny("c").steps(1).learningRate(1e-12).symbols(SymbolSet.PRINT).charSymbols(SymbolSet.PRINT)
        .initFrom(dir.resolve("a.zip")).build(), widened).run();
    assertThat(widened.events).contains("CHAR head widened from LOWER to PRINT (37 to 87 outputs per position)");
    JazNet c = ModelFile.load(dir.resolve("c.zip"));
    assertThat(c.spec().charSymbols()).isEqualTo(SymbolSet.PRINT);
    // a learning rate of 1e-12 leaves the mapped weights where the widening put them
    INDArray oldB = charBias(a);
    INDArray newB = charBias(c);
    SymbolSet s = SymbolSet.PRINT;
    for (int p : new int[] {0, 9}) {
      double q = oldB.getDouble((long) CharCodec.code('q') * 23 + p);
      assertThat(newB.getDouble((long) s.code('Q') * 23 + p)).isCloseTo(q - Math.log(2), within(1e-3));
      assertThat(newB.getDouble((long) 86 * 23 + p)).isCloseTo(oldB.getDouble(36L * 23 + p), within(1e-3));
    }
    // a PRINT CHAR head does not narrow back, and a resume keeps its checkpoint's head
    assertThatThrownBy(() -> new Trainer(tiny("d").steps(1).symbols(SymbolSet.PRINT).charSymbols(SymbolSet.LOWER)
        .initFrom(dir.resolve("c.zip")).build(), null).run())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("only a LOWER CHAR head widens");
    assertThatThrownBy(() -> new Trainer(tiny("a").steps(3).resume(true).charSymbols(SymbolSet.PRINT).build(), null)
        .run()).isInstanceOf(IllegalStateException.class).hasMessageContaining("widens only at --init-from");
  }
}
