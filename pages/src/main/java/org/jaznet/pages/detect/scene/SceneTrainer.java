package org.jaznet.pages.detect.scene;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Trains the scene detector on an endless stream of synthetic scenes (never real photographs): each
 * step takes {@code batch} scenes, each scaled by a random factor in [0.35, 1.1] (words from about 5 to
 * 100 pixels high) and cut to a random {@code crop x crop} square, against their kernel maps. Scenes are
 * rendered on a background thread. Checkpoints (with Adam's state) are written atomically every
 * {@code checkpointMinutes}; a resumed run continues the same stream at the next scene.
 */
public final class SceneTrainer {
  private static final double MIN_SCALE = 0.35;
  private static final double MAX_SCALE = 1.1;
  /** Weight of a text cell in the loss, against 1 for a background cell. */
  public static final float POSITIVE_WEIGHT = 3f;

  private final SceneTrainConfig config;
  private final SceneNetConfig net;
  private final SceneSample.Source train;
  private final SceneSample.Source validation;

  public SceneTrainer(SceneTrainConfig config, SceneNetConfig net, SceneSample.Source train, SceneSample.Source validation) {
    this.config = config;
    this.net = net;
    this.train = train;
    this.validation = validation;
  }

  private record Batch(float[] x, float[] y, long firstIndex) {}

  /** Runs to the time limit; returns the final model's validation scores. */
  public Scores run() throws IOException, PageException, InterruptedException {
    ComputationGraph g;
    long steps = 0;
    long images = 0;
    if (config.resume() && Files.isRegularFile(config.checkpoint())) {
      SceneModelFile.Loaded l = SceneModelFile.load(config.checkpoint(), true);
      g = l.net();
      steps = l.steps();
      images = l.images();
      System.out.printf(Locale.ROOT, "resumed from %s: step %d, %d scenes%n", config.checkpoint(), steps, images);
    } else {
      g = SceneNet.create(net, config.seed(), config.learningRate());
    }
    long startImage = images;
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    Thread producer = new Thread(() -> produce(queue, startImage), "scene-render");
    producer.setDaemon(true);
    producer.start();
    long t0 = System.nanoTime();
    long lastCkpt = t0;
    double lossSum = 0;
    int lossN = 0;
    int side = config.crop();
    int mapSide = side / SceneNetConfig.STRIDE;
    try {
      while (true) {
        double minutes = (System.nanoTime() - t0) / 6e10;
        if (minutes >= config.maxMinutes()) {
          break;
        }
        double lr = minutes > 0.8 * config.maxMinutes() ? config.learningRate() / 10 : config.learningRate();
        g.setLearningRate(lr);
        Batch b = queue.poll(60, TimeUnit.SECONDS);
        if (b == null) {
          throw new IOException("the scene renderer produced nothing for 60 s");
        }
        int n = config.batch();
        // [n * side * side] -> [n, 1, side, side]; labels [n, 1, side/4, side/4]
        float[] weight = new float[b.y.length];
        for (int i = 0; i < weight.length; i++) {
          weight[i] = b.y[i] > 0.5f ? POSITIVE_WEIGHT : 1f;
        }
        INDArray labels = Nd4j.create(b.y, new long[] {n, 1, mapSide, mapSide}, 'c');
        DataSet ds = new DataSet(Nd4j.create(b.x, new long[] {n, 1, side, side}, 'c'), labels, null,
            Nd4j.create(weight, new long[] {n, 1, mapSide, mapSide}, 'c'));
        g.fit(ds);
        lossSum += g.score();
        lossN++;
        steps++;
        images += n;
        if (steps % 50 == 0) {
          System.out.printf(Locale.ROOT, "step %d, %d scenes, %.1f min, loss %.4f, lr %.1e%n", steps, images,
              (System.nanoTime() - t0) / 6e10, lossSum / lossN, lr);
          lossSum = 0;
          lossN = 0;
        }
        if ((System.nanoTime() - lastCkpt) / 6e10 >= config.checkpointMinutes()) {
          SceneModelFile.save(config.checkpoint(), g, net, config.seed(), steps, images, false, true);
          lastCkpt = System.nanoTime();
          Scores s = validate(new SceneDetector(g, net));
          System.out.printf(Locale.ROOT, "checkpoint at step %d: validation %s%n", steps, s);
        }
      }
    } finally {
      producer.interrupt();
    }
    SceneModelFile.save(config.checkpoint(), g, net, config.seed(), steps, images, false, true);
    SceneModelFile.save(config.out(), g, net, config.seed(), steps, images, true, false);
    // the FP16 file is what ships: score what was written
    Scores s = validate(SceneDetector.load(config.out()));
    System.out.printf(Locale.ROOT, "done: %d steps, %d scenes, %.1f min; validation %s; wrote %s%n", steps, images,
        (System.nanoTime() - t0) / 6e10, s, config.out());
    return s;
  }

  private void produce(BlockingQueue<Batch> queue, long first) {
    int side = config.crop();
    int mapSide = side / SceneNetConfig.STRIDE;
    int n = config.batch();
    long index = first;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        float[] x = new float[n * side * side];
        float[] y = new float[n * mapSide * mapSide];
        long start = index;
        for (int i = 0; i < n; i++, index++) {
          SceneSample s = train.sample(index);
          SplittableRandom r = new SplittableRandom(config.seed() * 1_000_003L + index);
          cropInto(s, r, side, x, i * side * side, y, i * mapSide * mapSide);
        }
        queue.put(new Batch(x, y, start));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      System.err.println("scene renderer failed at scene " + index + ": " + e);
    }
  }

  /** A random scale and square crop of {@code s}: its input into {@code x}, its kernel map into {@code y}. */
  void cropInto(SceneSample s, SplittableRandom r, int side, float[] x, int xo, float[] y, int yo) {
    double scale = MIN_SCALE + r.nextDouble() * (MAX_SCALE - MIN_SCALE);
    int sw = Math.max(side, (int) Math.round(s.w() * scale));
    int sh = Math.max(side, (int) Math.round(s.h() * scale));
    double fx = sw / (double) s.w();
    double fy = sh / (double) s.h();
    byte[] scaled = resize(s.grey(), s.w(), s.h(), sw, sh);
    int ox = r.nextInt(sw - side + 1);
    int oy = r.nextInt(sh - side + 1);
    for (int row = 0; row < side; row++) {
      int src = (oy + row) * sw + ox;
      int dst = xo + row * side;
      for (int col = 0; col < side; col++) {
        x[dst + col] = ((scaled[src + col] & 0xFF) / 255f - 0.5f) * 2f;
      }
    }
    List<PageBox> boxes = new ArrayList<>();
    for (PageBox b : s.boxes()) {
      int bx0 = (int) Math.floor(b.x() * fx) - ox;
      int by0 = (int) Math.floor(b.y() * fy) - oy;
      int bx1 = (int) Math.ceil(b.right() * fx) - ox;
      int by1 = (int) Math.ceil(b.bottom() * fy) - oy;
      int cx0 = Math.max(0, bx0);
      int cy0 = Math.max(0, by0);
      int cx1 = Math.min(side, bx1);
      int cy1 = Math.min(side, by1);
      if (cx1 <= cx0 || cy1 <= cy0) {
        continue;
      }
      // a word cut by the crop's edge is a target only while most of it shows
      double shown = (cx1 - cx0) * (double) (cy1 - cy0) / ((bx1 - bx0) * (double) (by1 - by0));
      if (shown >= 0.6 && cy1 - cy0 >= 0.8 * (by1 - by0)) {
        boxes.add(PageBox.ofCorners(cx0, cy0, cx1, cy1));
      }
    }
    float[] t = KernelMaps.target(boxes, side, side, net.shrink());
    System.arraycopy(t, 0, y, yo, t.length);
  }

  private static byte[] resize(byte[] grey, int w, int h, int tw, int th) {
    if (tw == w && th == h) {
      return grey;
    }
    Mat src = new Mat(h, w, CvType.CV_8UC1);
    Mat dst = new Mat();
    try {
      src.put(0, 0, grey);
      Imgproc.resize(src, dst, new Size(tw, th), 0, 0, tw < w ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
      byte[] out = new byte[tw * th];
      dst.get(0, 0, out);
      return out;
    } finally {
      src.release();
      dst.release();
    }
  }

  /** Detection precision, recall and F (one-to-one at IoU >= 0.5) on held-out scenes. */
  public record Scores(int scenes, int truth, int found, int matched) {
    public double precision() {
      return found == 0 ? 0 : matched / (double) found;
    }

    public double recall() {
      return truth == 0 ? 0 : matched / (double) truth;
    }

    public double f() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d scenes, P %.3f R %.3f F %.3f", scenes, precision(), recall(), f());
    }
  }

  Scores validate(SceneDetector d) {
    int truth = 0;
    int found = 0;
    int matched = 0;
    for (int i = 0; i < config.validation(); i++) {
      SceneSample s;
      try {
        s = validation.sample(i);
      } catch (Exception e) {
        throw new IllegalStateException("validation scene " + i + ": " + e.getMessage(), e);
      }
      SceneDetector.Map m = d.probabilities(s.grey(), s.w(), s.h());
      double sx = s.w() / (double) m.inW();
      double sy = s.h() / (double) m.inH();
      List<PageBox> pred = new ArrayList<>();
      for (KernelMaps.Found f : KernelMaps.extract(m.prob(), m.mapW(), m.mapH(), m.inW(), m.inH(), net.shrink(), net.threshold())) {
        PageBox b = f.box();
        int x1 = Math.min(s.w(), (int) Math.ceil(b.right() * sx));
        int y1 = Math.min(s.h(), (int) Math.ceil(b.bottom() * sy));
        int x0 = (int) Math.floor(b.x() * sx);
        int y0 = (int) Math.floor(b.y() * sy);
        if (x1 > x0 && y1 > y0) {
          pred.add(PageBox.ofCorners(x0, y0, x1, y1));
        }
      }
      truth += s.boxes().size();
      found += pred.size();
      matched += greedyMatches(pred, s.boxes());
    }
    return new Scores(config.validation(), truth, found, matched);
  }

  /** One-to-one matches at IoU >= 0.5, greedily by descending IoU. */
  static int greedyMatches(List<PageBox> pred, List<PageBox> truth) {
    List<double[]> pairs = new ArrayList<>();
    for (int i = 0; i < pred.size(); i++) {
      for (int j = 0; j < truth.size(); j++) {
        double iou = pred.get(i).iou(truth.get(j));
        if (iou >= 0.5) {
          pairs.add(new double[] {iou, i, j});
        }
      }
    }
    pairs.sort((a, b) -> Double.compare(b[0], a[0]));
    boolean[] pu = new boolean[pred.size()];
    boolean[] tu = new boolean[truth.size()];
    int m = 0;
    for (double[] p : pairs) {
      int i = (int) p[1];
      int j = (int) p[2];
      if (!pu[i] && !tu[j]) {
        pu[i] = true;
        tu[j] = true;
        m++;
      }
    }
    return m;
  }
}
