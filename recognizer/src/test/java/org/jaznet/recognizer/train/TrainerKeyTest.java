package org.jaznet.recognizer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.synth.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real training test of issue 3: on the 50-word dictionary with the synthetic stream, CHAR and DICT
 * each reach at least 90 % on 500 held-out synthetic images (fresh indices of the same 50 words).
 */
class TrainerKeyTest {
  @TempDir Path dir;

  @Test
  void run_fiftyWordSynthStream_charAndDictReachNinetyPercent() throws Exception {
    long steps = Long.getLong("jaznet.keytest.steps", 400);
    TrainConfig config = TrainConfig.builder(ProjectPaths.home().resolve("dictionaries/test-50.txt"), dir.resolve("m.zip"))
        .arch(Arch.SMALL)
        .heads(EnumSet.of(HeadKind.CHAR, HeadKind.DICT))
        .steps(steps)
        .batch(Integer.getInteger("jaznet.keytest.batch", 32))
        .learningRate(Double.parseDouble(System.getProperty("jaznet.keytest.lr", "1e-3")))
        .warmupSteps(20)
        .dropout(0.2)
        .holdout(0)
        .randomStringRatio(0)
        .validateEvery(0)
        .validationSize(500)
        .logEvery(20)
        .seed(42)
        .build();
    long t0 = System.nanoTime();
    Trainer.TrainResult r = new Trainer(config, new TrainListener() {
      @Override
      public void onStep(StepReport s) {
        System.out.printf("step %d loss %.4f lr %.2e %.0f img/s%n", s.step(), s.loss(), s.learningRate(), s.imagesPerSecond());
      }
    }).run();
    ValidationResult v = r.validation();
    System.out.printf("key test: %d steps in %.0f s (%.0f img/s): CHAR %.1f %%, DICT %.1f %% on 500 held-out images%n",
        r.step(), (System.nanoTime() - t0) / 1e9, r.imagesPerSecond(), 100 * v.charSeen(), 100 * v.dictSeen());
    assertThat(v.charSeen()).isGreaterThanOrEqualTo(0.9);
    assertThat(v.dictSeen()).isGreaterThanOrEqualTo(0.9);
  }
}
