package org.jaznet.recognizer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.synth.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fast checks of the training loop's bookkeeping (tiny batches, a handful of steps). */
class TrainerTest {
  @TempDir Path dir;

  TrainConfig.Builder tiny(String name) {
    return TrainConfig.builder(ProjectPaths.home().resolve("dictionaries/test-50.txt"), dir.resolve(name + ".zip"))
        .arch(Arch.SMALL).heads(EnumSet.of(HeadKind.CHAR, HeadKind.DICT)).batch(4).steps(6).warmupSteps(0)
        .validateEvery(0).validationSize(8).logEvery(1).holdout(0.1).seed(3);
  }

  static final class Recording implements TrainListener {
    final List<Long> steps = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    @Override
    public void onStep(StepReport r) {
      steps.add(r.step());
    }

    @Override
    public void onEvent(String message) {
      events.add(message);
    }
  }

  @Test
  void run_thenResume_continuesFromSavedStep() throws Exception {
    Trainer.TrainResult first = new Trainer(tiny("r").steps(3).build(), null).run();
    assertThat(first.step()).isEqualTo(3);
    assertThat(first.completed()).isTrue();
    Recording rec = new Recording();
    Trainer.TrainResult second = new Trainer(tiny("r").steps(5).resume(true).build(), rec).run();
    assertThat(rec.steps).containsExactly(4L, 5L);
    assertThat(second.step()).isEqualTo(5);
    assertThat(second.imagesSeen()).isEqualTo(20);
    assertThat(rec.events).anyMatch(e -> e.startsWith("resumed from step-000000000003.ckpt at step 3"));
    JazNet model = ModelFile.load(dir.resolve("r.zip"));
    assertThat(model.spec().heads()).containsExactlyInAnyOrder(HeadKind.CHAR, HeadKind.DICT);
    List<String> csv = Files.readAllLines(dir.resolve("r.metrics.csv"));
    assertThat(csv.get(0)).isEqualTo(MetricsLog.HEADER);
    assertThat(csv.stream().skip(1).map(l -> l.split(",")[0])).contains("1", "2", "3", "4", "5");
    assertThat(dir.resolve("r.metrics.png")).isNotEmptyFile();
  }

  @Test
  void run_documentShare_addsADocumentLookSourceAndRecordsIt() throws Exception {
    Trainer.TrainResult r = new Trainer(tiny("d").steps(2).documentShare(0.5).build(), null).run();
    assertThat(r.step()).isEqualTo(2);
    assertThat(dir.resolve("d.zip.ckpt").resolve("words").resolve("train-document.txt")).isRegularFile();
    assertThat(Files.readString(dir.resolve("d.train.json"))).contains("\"documentShare\" : 0.5");
    assertThatThrownBy(() -> tiny("e").documentShare(1.0).build()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void run_existingCheckpointsWithoutResume_refuses() throws Exception {
    new Trainer(tiny("x").steps(1).build(), null).run();
    assertThatThrownBy(() -> new Trainer(tiny("x").steps(2).build(), null).run())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("--resume");
  }

  @Test
  void run_maxMinutesElapsed_stopsEarlyAndSaves() throws Exception {
    Trainer.TrainResult r = new Trainer(tiny("t").steps(1_000_000).maxMinutes(0.001).build(), null).run();
    assertThat(r.completed()).isFalse();
    assertThat(r.step()).isLessThan(1_000_000);
    assertThat(ModelFile.load(dir.resolve("t.zip"))).isNotNull();
    assertThat(Checkpoints.latest(dir.resolve("t.zip.ckpt")).state().step()).isEqualTo(r.step());
  }

  @Test
  void run_dictStepLimit_growsDictToWholeDictionary() throws Exception {
    Recording rec = new Recording();
    Trainer.TrainResult r = new Trainer(tiny("g").steps(4).dictStart(20).dictStep(20).dictGrowMaxSteps(1).build(), rec)
        .run();
    assertThat(rec.events).anyMatch(e -> e.contains("DICT grown from 20 to 40"));
    assertThat(rec.events).anyMatch(e -> e.contains("DICT grown from 40 to 50"));
    assertThat(r.validation().dictActive()).isEqualTo(50);
    assertThat(ModelFile.load(dir.resolve("g.zip")).spec().dictActive()).isEqualTo(50);
  }

  @Test
  void run_initFrom_startsFromTheModelsWeights() throws Exception {
    new Trainer(tiny("a").steps(2).build(), null).run();
    JazNet a = ModelFile.load(dir.resolve("a.zip"));
    Recording rec = new Recording();
    Trainer.TrainResult r = new Trainer(tiny("b").steps(1).learningRate(1e-12).initFrom(dir.resolve("a.zip")).build(), rec)
        .run();
    assertThat(r.step()).isEqualTo(1);
    assertThat(rec.events).anyMatch(e -> e.startsWith("new run from the weights of"));
    JazNet b = ModelFile.load(dir.resolve("b.zip"));
    // a learning rate of 1e-12 leaves the convolution weights where a's training left them
    assertThat(b.graph().getLayer("conv2").getParam("W").sub(a.graph().getLayer("conv2").getParam("W"))
        .norm2Number().doubleValue()).isLessThan(1e-6);
    JazNet fresh = ModelFile.load(dir.resolve("a.zip"));
    new Trainer(tiny("c").steps(1).learningRate(1e-12).build(), null).run();
    JazNet c = ModelFile.load(dir.resolve("c.zip"));
    assertThat(c.graph().getLayer("conv2").getParam("W").sub(fresh.graph().getLayer("conv2").getParam("W"))
        .norm2Number().doubleValue()).isGreaterThan(1e-3);
    assertThat(Files.readString(dir.resolve("b.train.json"))).contains("\"init_from\"").contains("a.zip");
  }

  @Test
  void run_zeroStepsFromAModel_reExportsItsWeightsUnchanged() throws Exception {
    new Trainer(tiny("a").steps(2).build(), null).run();
    assertThatThrownBy(() -> tiny("z").steps(0).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 only with --init-from or --resume");
    Trainer.TrainResult r = new Trainer(tiny("r").steps(0).initFrom(dir.resolve("a.zip")).build(), null).run();
    assertThat(r.step()).isZero();
    JazNet a = ModelFile.load(dir.resolve("a.zip"));
    JazNet b = ModelFile.load(dir.resolve("r.zip"));
    assertThat(b.graph().params().length()).isEqualTo(a.graph().params().length());
    assertThat(b.graph().params().equalsWithEps(a.graph().params(), 0)).as("every weight").isTrue();
  }

  @Test
  void run_streamSeed_changesTheTrainingImagesButNotTheWordSplit() throws Exception {
    new Trainer(tiny("a").steps(1).build(), null).run();
    Path init = dir.resolve("a.zip");
    new Trainer(tiny("same1").steps(1).initFrom(init).build(), null).run();
    new Trainer(tiny("same2").steps(1).initFrom(init).streamSeed(3).build(), null).run();
    new Trainer(tiny("other").steps(1).initFrom(init).streamSeed(99).build(), null).run();
    double same = conv2Distance("same1", "same2");
    double other = conv2Distance("same1", "other");
    // the default stream seed is --seed (3), so same1 and same2 take the same step on the same images
    assertThat(same).isLessThan(1e-6);
    assertThat(other).isGreaterThan(1e-4);
    assertThat(Files.readString(dir.resolve("other.train.json"))).contains("\"streamSeed\" : 99");
    assertThat(Files.readString(dir.resolve("same1.train.json"))).contains("\"streamSeed\" : 3");
  }

  @Test
  void resume_withoutTheCheckpointsStreamSeed_refusesNamingIt() throws Exception {
    new Trainer(tiny("z").steps(2).streamSeed(5).build(), null).run();
    assertThatThrownBy(() -> new Trainer(tiny("z").steps(3).resume(true).build(), null).run())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("pass --stream-seed 5");
    Recording rec = new Recording();
    Trainer.TrainResult r = new Trainer(tiny("z").steps(3).resume(true).streamSeed(5).shortWordRatio(0.5).build(), rec)
        .run();
    assertThat(r.step()).isEqualTo(3);
    assertThat(rec.events).anyMatch(e -> e.contains("short-word share changes from 0.000 (checkpoint) to 0.500"));
  }

  private double conv2Distance(String a, String b) throws Exception {
    JazNet x = ModelFile.load(dir.resolve(a + ".zip"));
    JazNet y = ModelFile.load(dir.resolve(b + ".zip"));
    return x.graph().getLayer("conv2").getParam("W").sub(y.graph().getLayer("conv2").getParam("W"))
        .norm2Number().doubleValue();
  }

  @Test
  void run_initFromAnotherSplitOrArch_refuses() throws Exception {
    new Trainer(tiny("a").steps(1).build(), null).run();
    assertThatThrownBy(() -> new Trainer(tiny("s").seed(4).initFrom(dir.resolve("a.zip")).build(), null).run())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("another word split");
    assertThatThrownBy(() -> new Trainer(tiny("h").arch(Arch.SMALL_BN).initFrom(dir.resolve("a.zip")).build(), null)
        .run()).isInstanceOf(IllegalStateException.class).hasMessageContaining("has arch SMALL");
  }

  @Test
  void run_partOfDictActive_calibratesOnWordsDrawnFromTheWholeDictionary() throws Exception {
    Recording rec = new Recording();
    new Trainer(tiny("k").heads(EnumSet.of(HeadKind.CHAR, HeadKind.DICT, HeadKind.CTC)).steps(1).dictStart(20)
        .dictGrowMaxSteps(1000).build(), rec).run();
    assertThat(rec.events).anyMatch(e -> e.startsWith("fusion calibration: 1000 images of the training text mix, words drawn"
        + " from all 45 training words (DICT knows "));
    assertThat(dir.resolve("k.zip.ckpt/words/calibration.txt")).isNotEmptyFile();
  }
}
