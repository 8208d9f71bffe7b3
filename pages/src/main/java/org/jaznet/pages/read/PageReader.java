package org.jaznet.pages.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageImage;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;
import org.jaznet.pages.detect.DetectedWord;
import org.jaznet.pages.detect.WordDetector;
import org.jaznet.recognizer.Recognition;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.preprocess.Preprocessor;

/**
 * Reads pages: detects their words, cuts every word out of the grey page with a margin, and reads all
 * words of all pages given in one call through the recogniser's batched forward pass (never one pass
 * per word). Detection and cutting are thread-safe; the recogniser serialises its own forward passes.
 */
public final class PageReader {
  private final WordDetector detector;
  private final Recognizer recognizer;
  private final CropConfig crop;

  public PageReader(WordDetector detector, Recognizer recognizer, CropConfig crop) {
    this.detector = Objects.requireNonNull(detector, "detector");
    this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
    this.crop = Objects.requireNonNull(crop, "crop");
  }

  /** Detected words of one page, each already preprocessed for the network. */
  public record DetectedPage(PageImage page, List<DetectedWord> words, float[][] inputs, long detectNanos) {
    public DetectedPage {
      words = List.copyOf(words);
    }
  }

  /** Detects the words of {@code page} and preprocesses their crops (the per-page, parallel step). */
  public DetectedPage detect(PageImage page) {
    long t0 = System.nanoTime();
    List<DetectedWord> words = detector.detect(page);
    byte[] grey = Preprocessor.grey(page.image());
    float[][] inputs = new float[words.size()][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = cropInput(grey, page.width(), page.height(), words.get(i).box(), crop);
    }
    return new DetectedPage(page, words, inputs, System.nanoTime() - t0);
  }

  /**
   * Reads the words of detected pages in shared batches; one result per page, in the same order. A word
   * whose reading confidence is below its {@link DetectedWord#minReading} is left out.
   */
  public List<PageResult> recognize(List<DetectedPage> pages) throws RecognizerException {
    int total = pages.stream().mapToInt(p -> p.inputs().length).sum();
    float[][] all = new float[total][];
    int k = 0;
    for (DetectedPage p : pages) {
      for (float[] in : p.inputs()) {
        all[k++] = in;
      }
    }
    List<Recognition> read = total == 0 ? List.of() : recognizeAll(all);
    List<PageResult> out = new ArrayList<>(pages.size());
    k = 0;
    for (DetectedPage p : pages) {
      List<PageWord> words = new ArrayList<>(p.words().size());
      for (DetectedWord d : p.words()) {
        Recognition r = read.get(k++);
        double conf = Math.max(0, Math.min(1, r.confidence()));
        if (conf >= d.minReading()) {
          words.add(new PageWord(d.box(), r.text(), conf, d.line(), d.block()));
        }
      }
      out.add(new PageResult(p.page().page(), p.page().width(), p.page().height(), words));
    }
    return out;
  }

  /**
   * Reads {@code all} in batches of {@link Recognizer#BATCH} on two threads: the recogniser runs one
   * forward pass at a time, so while one batch is in the network the previous one is being decoded
   * (beam search with the language model), which is single-threaded.
   */
  private List<Recognition> recognizeAll(float[][] all) throws RecognizerException {
    int batches = (all.length + Recognizer.BATCH - 1) / Recognizer.BATCH;
    if (batches <= 1) {
      return recognizer.recognizePreprocessed(all);
    }
    List<java.util.concurrent.Future<List<Recognition>>> parts = new ArrayList<>(batches);
    for (int b = 0; b < batches; b++) {
      float[][] chunk = java.util.Arrays.copyOfRange(all, b * Recognizer.BATCH, Math.min(all.length, (b + 1) * Recognizer.BATCH));
      parts.add(DECODERS.submit(() -> recognizer.recognizePreprocessed(chunk)));
    }
    List<Recognition> out = new ArrayList<>(all.length);
    try {
      for (java.util.concurrent.Future<List<Recognition>> f : parts) {
        out.addAll(f.get());
      }
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RecognizerException re) {
        throw re;
      }
      throw new RecognizerException("recognition failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RecognizerException("interrupted", e);
    }
    return out;
  }

  /** Two threads per JVM for {@link #recognizeAll}: one batch in the network, one being decoded. */
  private static final java.util.concurrent.ExecutorService DECODERS = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "jaznet-recognize");
    t.setDaemon(true);
    return t;
  });

  /** Detects and reads {@code pages}, all their words in shared batches. */
  public List<PageResult> read(List<PageImage> pages) throws RecognizerException {
    List<DetectedPage> detected = new ArrayList<>(pages.size());
    for (PageImage p : pages) {
      detected.add(detect(p));
    }
    return recognize(detected);
  }

  /** A word's pixels cut out of its page: grey, row-major, {@code w x h}. */
  public record Crop(int w, int h, byte[] grey) {}

  /** The grey pixels of {@code box} on a grey page, with the configured margin (clipped to the page). */
  public static Crop crop(byte[] grey, int w, int h, PageBox box, CropConfig crop) {
    int px = (int) Math.round(crop.padX() * box.h());
    int py = (int) Math.round(crop.padY() * box.h());
    int x0 = Math.max(0, box.x() - px);
    int y0 = Math.max(0, box.y() - py);
    int x1 = Math.min(w, box.right() + px);
    int y1 = Math.min(h, box.bottom() + py);
    int cw = Math.max(1, x1 - x0);
    int ch = Math.max(1, y1 - y0);
    byte[] c = new byte[cw * ch];
    for (int y = 0; y < ch; y++) {
      System.arraycopy(grey, (y0 + y) * w + x0, c, y * cw, Math.min(cw, w - x0));
    }
    return new Crop(cw, ch, c);
  }

  /** The network input of {@code box} on a grey page, with the configured margin. */
  static float[] cropInput(byte[] grey, int w, int h, PageBox box, CropConfig crop) {
    Crop c = crop(grey, w, h, box, crop);
    float[] dst = new float[Preprocessor.SIZE];
    Preprocessor.toInput(c.grey(), c.w(), c.h(), dst, 0);
    return dst;
  }
}
