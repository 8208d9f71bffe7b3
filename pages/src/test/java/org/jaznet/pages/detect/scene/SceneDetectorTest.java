package org.jaznet.pages.detect.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SceneDetectorTest {
  @TempDir Path dir;

  @Test
  void kernelTargets_extractBackToTheirBoxes() {
    List<PageBox> boxes = List.of(new PageBox(40, 40, 120, 40), new PageBox(200, 120, 60, 24), new PageBox(20, 180, 200, 60));
    float[] map = KernelMaps.target(boxes, 256, 256, 0.25);
    List<KernelMaps.Found> found = KernelMaps.extract(map, 64, 64, 256, 256, 0.25, 0.5);
    assertThat(found).hasSize(3);
    for (PageBox b : boxes) {
      assertThat(found).anySatisfy(f -> assertThat(f.box().iou(b)).isGreaterThan(0.7));
    }
  }

  @Test
  void linesAreNumberedTopToBottomAndReadLeftToRight() {
    List<KernelMaps.Found> f = List.of(new KernelMaps.Found(new PageBox(300, 12, 80, 30), 0.9),
        new KernelMaps.Found(new PageBox(10, 100, 80, 30), 0.9), new KernelMaps.Found(new PageBox(20, 10, 80, 30), 0.9));
    var words = SceneDetector.lines(f);
    assertThat(words).extracting(w -> w.box().x()).containsExactly(20, 300, 10);
    assertThat(words).extracting(w -> w.line()).containsExactly(1, 1, 2);
  }

  @Test
  void aFewStepsLearn_andTheModelFileRoundTrips() throws Exception {
    SceneNetConfig cfg = new SceneNetConfig(4, 0.25, 0.5, 256, 64);
    ComputationGraph g = SceneNet.create(cfg, 3, 1e-2);
    // [2, 1, 64, 64] -> [2, 1, 16, 16]
    float[] xs = new float[2 * 64 * 64];
    SplittableRandom xr = new SplittableRandom(7);
    for (int i = 0; i < xs.length; i++) {
      xs[i] = (float) xr.nextDouble(-1, 1);
    }
    INDArray x = Nd4j.create(xs, new long[] {2, 1, 64, 64}, 'c');
    INDArray y = Nd4j.zeros(2, 1, 16, 16);
    y.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
        org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 8), org.nd4j.linalg.indexing.NDArrayIndex.all()).assign(1);
    var ds = new org.nd4j.linalg.dataset.DataSet(x, y);
    g.fit(ds);
    double first = g.score();
    for (int i = 0; i < 30; i++) {
      g.fit(ds);
    }
    assertThat(g.score()).isLessThan(first);
    assertThat(g.outputSingle(false, x).shape()).containsExactly(2, 1, 16, 16);
    Path f = dir.resolve("d.zip");
    SceneModelFile.save(f, g, cfg, 3, 31, 62, false, true);
    SceneModelFile.Loaded l = SceneModelFile.load(f, true);
    assertThat(l.steps()).isEqualTo(31);
    assertThat(l.net().outputSingle(false, x)).isEqualTo(g.outputSingle(false, x));
    // FP16: close, not equal
    SceneModelFile.save(f, g, cfg, 3, 31, 62, true, false);
    INDArray half = SceneModelFile.load(f).net().outputSingle(false, x);
    assertThat(half.sub(g.outputSingle(false, x)).amaxNumber().doubleValue()).isLessThan(0.02);
  }

  @Test
  void aDamagedModelFileIsRefused() throws Exception {
    SceneNetConfig cfg = new SceneNetConfig(4, 0.25, 0.5, 256, 64);
    Path f = dir.resolve("d.zip");
    SceneModelFile.save(f, SceneNet.create(cfg, 1, 1e-3), cfg, 1, 0, 0, true, false);
    byte[] b = Files.readAllBytes(f);
    // flip bytes in the middle (stored params): the checksum or the zip must catch it
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 8; i++) {
      int p = b.length / 2 + r.nextInt(64);
      b[p] ^= 0x5A;
    }
    Files.write(f, b);
    assertThatThrownBy(() -> SceneModelFile.load(f)).isInstanceOf(PageException.class).hasMessageContaining(f.toString());
    Files.writeString(f, "not a zip");
    assertThatThrownBy(() -> SceneModelFile.load(f)).isInstanceOf(PageException.class);
  }
}
