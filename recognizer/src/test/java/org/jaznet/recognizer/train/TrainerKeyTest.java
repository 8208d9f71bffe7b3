package org.jaznet.recognizer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.synth.ProjectPaths;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.SynthEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real training test of issue 3: on the 50-word dictionary with the synthetic stream, CHAR and DICT
 * each reach at least 90 % on 500 held-out synthetic images (fresh indices of the same 50 words).
 *
 * <p>Training validates every 50 steps and stops once both heads reach 96 % on the trainer's own 500
 * validation images; the assertion then reads the saved model file on 500 other fresh images (with a
 * 93 % stop, measured: 400 steps, CHAR 90.2 %, DICT 96.8 % on the fresh images: too little margin). CI uses
 * the {@code plain} recipe (fonts, case, colours and crops vary, no noise/blur/blending): measured here,
 * the full {@code mjsynth} recipe reached only CHAR 51 %, DICT 82 % after 12,800 images, which is more
 * than the CI budget allows. The full recipe runs with
 * {@code -Djaznet.keytest.recipe=MJSYNTH -Djaznet.keytest.steps=3000}.
 */
class TrainerKeyTest {
  @TempDir Path dir;

  @Test
  void run_fiftyWordSynthStream_charAndDictReachNinetyPercent() throws Exception {
    Path words = ProjectPaths.home().resolve("dictionaries/test-50.txt");
    SynthRecipe recipe = SynthRecipe.valueOf(System.getProperty("jaznet.keytest.recipe", "PLAIN"));
    TrainConfig config = TrainConfig.builder(words, dir.resolve("m.zip"))
        .arch(Arch.SMALL)
        .heads(EnumSet.of(HeadKind.CHAR, HeadKind.DICT))
        .steps(Long.getLong("jaznet.keytest.steps", 1200))
        .batch(32)
        .learningRate(1e-3)
        .schedule(LrSchedule.CONSTANT)
        .warmupSteps(20)
        .dropout(0.2)
        .holdout(0)
        .randomStringRatio(0)
        .recipe(recipe)
        .validateEvery(50)
        .validationSize(500)
        .targetAccuracy(0.96)
        .logEvery(50)
        .seed(42)
        .build();
    long t0 = System.nanoTime();
    Trainer.TrainResult r = new Trainer(config, new TrainListener() {
      @Override
      public void onStep(StepReport s) {
        System.out.printf("step %d loss %.4f %.0f img/s%n", s.step(), s.loss(), s.imagesPerSecond());
      }

      @Override
      public void onValidation(ValidationResult v) {
        System.out.printf("validation at step %d: CHAR %.3f DICT %.3f%n", v.step(), v.charSeen(), v.dictSeen());
      }
    }).run();
    JazNet saved = ModelFile.load(r.model());
    SynthEngine fresh = SynthEngine.create(SynthConfig.defaults(42).withDictionary(words).withRandomStringRatio(0)
        .withRecipe(recipe.recipe()));
    Batch heldOut = Validator.render(fresh, Trainer.VALIDATION_BASE + 1_000_000, 500, 2);
    Validator.Scores s = Validator.score(saved, heldOut);
    System.out.printf("key test (%s recipe): %d steps, %d images in %.0f s (%.0f img/s): CHAR %.1f %%, DICT %.1f %% "
            + "on 500 held-out images%n", recipe, r.step(), r.imagesSeen(), (System.nanoTime() - t0) / 1e9,
        r.imagesPerSecond(), 100 * s.charAccuracy(), 100 * s.dictAccuracy());
    assertThat(s.dictCounted()).isEqualTo(500);
    assertThat(s.charAccuracy()).isGreaterThanOrEqualTo(0.9);
    assertThat(s.dictAccuracy()).isGreaterThanOrEqualTo(0.9);
  }
}
