package org.jaznet.pages.detect.scene;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;
import org.jaznet.pages.detect.DetectedWord;
import org.jaznet.pages.detect.WordDetector;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Word detection in photographs with the {@link SceneNet} kernel map: the page is scaled so its longer
 * side lies in [{@code minSide}, {@code maxSide}] (sides rounded to the network's stride), one forward
 * pass gives the map, {@link KernelMaps#extract} the boxes, which are mapped back to page pixels and
 * grouped into lines (boxes overlapping vertically by half the smaller height, read left to right;
 * lines top to bottom, each line its own block). Thread-safe: forward passes take turns.
 */
public final class SceneDetector implements WordDetector {
  private final ComputationGraph net;
  private final SceneNetConfig config;
  private final ReentrantLock lock = new ReentrantLock();

  public SceneDetector(ComputationGraph net, SceneNetConfig config) {
    this.net = Objects.requireNonNull(net, "net");
    this.config = Objects.requireNonNull(config, "config");
  }

  /** Loads a detector from its model file. */
  public static SceneDetector load(Path file) throws PageException {
    SceneModelFile.Loaded m = SceneModelFile.load(file);
    return new SceneDetector(m.net(), m.config());
  }

  public SceneNetConfig config() {
    return config;
  }

  /** The kernel-probability map of {@code page} and the size it was computed at. */
  record Map(float[] prob, int mapW, int mapH, int inW, int inH) {}

  Map probabilities(byte[] grey, int w, int h) {
    int longSide = Math.max(w, h);
    double scale = longSide > config.maxSide() ? config.maxSide() / (double) longSide
        : longSide < config.minSide() ? config.minSide() / (double) longSide : 1.0;
    int s = SceneNetConfig.STRIDE;
    int m = SceneNetConfig.MULTIPLE;
    int tw = Math.max(4 * m, (int) Math.round(w * scale) / m * m);
    int th = Math.max(4 * m, (int) Math.round(h * scale) / m * m);
    float[] in = SceneInput.of(grey, w, h, tw, th);
    INDArray out;
    lock.lock();
    try {
      // [1, 1, th, tw] -> [1, 1, th/4, tw/4]
      out = net.outputSingle(false, Nd4j.create(in, new long[] {1, 1, th, tw}, 'c'));
    } finally {
      lock.unlock();
    }
    float[] prob = out.dup('c').data().asFloat();
    return new Map(prob, tw / s, th / s, tw, th);
  }

  @Override
  public List<DetectedWord> detect(PageImage page) {
    int w = page.width();
    int h = page.height();
    Map m = probabilities(Preprocessor.grey(page.image()), w, h);
    double sx = w / (double) m.inW();
    double sy = h / (double) m.inH();
    List<KernelMaps.Found> found = KernelMaps.extract(m.prob(), m.mapW(), m.mapH(), m.inW(), m.inH(),
        config.shrink(), config.threshold());
    List<KernelMaps.Found> boxes = new ArrayList<>(found.size());
    for (KernelMaps.Found f : found) {
      PageBox b = f.box();
      int x0 = (int) Math.floor(b.x() * sx);
      int y0 = (int) Math.floor(b.y() * sy);
      int x1 = Math.min(w, (int) Math.ceil(b.right() * sx));
      int y1 = Math.min(h, (int) Math.ceil(b.bottom() * sy));
      if (x1 > x0 && y1 > y0) {
        boxes.add(new KernelMaps.Found(PageBox.ofCorners(x0, y0, x1, y1), f.score()));
      }
    }
    return lines(boxes);
  }

  /** Groups boxes into lines, top to bottom, and numbers them; each line is a block. */
  static List<DetectedWord> lines(List<KernelMaps.Found> boxes) {
    List<KernelMaps.Found> byY = new ArrayList<>(boxes);
    byY.sort(Comparator.comparingDouble(f -> f.box().y() + f.box().h() / 2.0));
    List<List<KernelMaps.Found>> lines = new ArrayList<>();
    for (KernelMaps.Found f : byY) {
      List<KernelMaps.Found> home = null;
      for (List<KernelMaps.Found> l : lines) {
        KernelMaps.Found last = l.get(l.size() - 1);
        int overlap = Math.min(last.box().bottom(), f.box().bottom()) - Math.max(last.box().y(), f.box().y());
        if (overlap >= 0.5 * Math.min(last.box().h(), f.box().h())) {
          home = l;
          break;
        }
      }
      if (home == null) {
        home = new ArrayList<>();
        lines.add(home);
      }
      home.add(f);
    }
    List<DetectedWord> out = new ArrayList<>(boxes.size());
    int n = 0;
    for (List<KernelMaps.Found> l : lines) {
      n++;
      l.sort(Comparator.comparingInt(f -> f.box().x()));
      for (KernelMaps.Found f : l) {
        out.add(new DetectedWord(f.box(), n, n, Math.max(0, Math.min(1, f.score()))));
      }
    }
    return out;
  }
}
