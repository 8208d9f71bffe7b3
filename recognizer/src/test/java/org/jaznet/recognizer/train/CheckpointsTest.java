package org.jaznet.recognizer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.HeadCodec;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelSpec;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class CheckpointsTest {
  @TempDir Path dir;

  static final List<String> WORDS = List.of("alpha", "beta", "gamma");

  static JazNet trainedNet() {
    ModelSpec spec = ModelSpec.of(Arch.SMALL, EnumSet.of(HeadKind.CHAR, HeadKind.DICT), WORDS, List.of());
    JazNet net = JazNet.create(spec, 3);
    float[] px = new float[3 * Preprocessor.SIZE];
    java.util.Random r = new java.util.Random(1);
    for (int i = 0; i < px.length; i++) {
      px[i] = (float) r.nextGaussian();
    }
    java.util.Map<HeadKind, HeadCodec> codecs = BatchEncoding.codecsFor(net);
    net.graph().fit(BatchEncoding.toMultiDataSet(net, codecs, new Batch(px, WORDS)));
    net.graph().fit(BatchEncoding.toMultiDataSet(net, codecs, new Batch(px, WORDS)));
    return net;
  }

  static Checkpoints.TrainState state(long step, JazNet net) {
    return new Checkpoints.TrainState(step, step * 3, 1.5, net.spec(), net.seed(), net.graph().getIterationCount(), 0,
        0.25, 1, List.of("gamma"), 7L, 0.0, 0.0);
  }

  @Test
  void saveThenLatest_restoresParamsUpdaterAndState() throws Exception {
    JazNet net = trainedNet();
    Checkpoints.save(dir, state(7, net), net);
    Checkpoints.Restored r = Checkpoints.latest(dir);
    assertThat(r.state()).isEqualTo(state(7, net));
    assertThat(r.net().graph().params()).isEqualTo(net.graph().params());
    assertThat(r.net().graph().getUpdater(true).getStateViewArray())
        .isEqualTo(net.graph().getUpdater(true).getStateViewArray());
    assertThat(r.net().graph().getIterationCount()).isEqualTo(net.graph().getIterationCount());
    // the restored net computes the same outputs
    var x = Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(2), 2, 1, 32, 100);
    assertThat(r.net().output(x).get(HeadKind.CHAR)).isEqualTo(net.output(x).get(HeadKind.CHAR));
  }

  @Test
  void latest_newestDamaged_fallsBackToOlder() throws Exception {
    JazNet net = trainedNet();
    Checkpoints.save(dir, state(5, net), net);
    Path newest = Checkpoints.save(dir, state(9, net), net);
    Files.write(newest, new byte[] {1, 2, 3});
    assertThat(Checkpoints.latest(dir).state().step()).isEqualTo(5);
  }

  @Test
  void save_manyCheckpoints_keepsTheNewestTwo() throws Exception {
    JazNet net = trainedNet();
    for (long s = 1; s <= 4; s++) {
      Checkpoints.save(dir, state(s, net), net);
    }
    assertThat(Checkpoints.list(dir)).extracting(p -> p.getFileName().toString())
        .containsExactly("step-000000000004.ckpt", "step-000000000003.ckpt");
    try (var files = Files.list(dir)) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
  }

  @Test
  void latest_emptyFolder_null() throws Exception {
    assertThat(Checkpoints.latest(dir.resolve("none"))).isNull();
    Files.createDirectories(dir.resolve("empty"));
    assertThat(Checkpoints.latest(dir.resolve("empty"))).isNull();
  }
}
