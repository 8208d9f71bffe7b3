package org.jaznet.pages.detect;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import org.jaznet.pages.PageImage;
import org.jaznet.recognizer.preprocess.Preprocessor;

/**
 * Chooses the detector per page: {@link DocDetector} for pages that look like paper (most pixels within
 * {@value #PAPER_BAND} grey levels of the brightest frequent grey level, and little colour), the scene
 * detector for the rest (photographs). The rule and its threshold were chosen on synthetic document
 * pages and synthetic scenes (see {@link #MIN_PAPER}); without a scene detector every page goes to the
 * document detector.
 */
public final class AutoDetector implements WordDetector {
  /** Grey levels below the paper's level that still count as paper. */
  static final int PAPER_BAND = 40;
  /** Paper is light: a page whose most frequent light grey level is darker than this is no document. */
  static final int MIN_PAPER_LEVEL = 170;
  /**
   * Pages with at least this fraction of paper pixels are documents. Measured 2026-12-07: synthetic
   * document pages (seed 9001, 30) 0.83-0.90, FUNSD's scans 0.85-0.97; synthetic scenes (seeds 9002 and
   * 9100, 70) at most 0.74, 7 of them at 0.55 or more (read as documents under the earlier 0.55). The
   * threshold lies between the synthetic sets.
   */
  static final double MIN_PAPER = 0.78;
  /** Colour pages whose mean saturation is above this are photographs, whatever their paper fraction. */
  static final double MAX_SATURATION = 0.25;

  private final WordDetector doc;
  private final WordDetector scene;

  /** {@code scene} may be null: then every page is read as a document. */
  public AutoDetector(WordDetector doc, WordDetector scene) {
    this.doc = Objects.requireNonNull(doc, "doc");
    this.scene = scene;
  }

  @Override
  public List<DetectedWord> detect(PageImage page) {
    return scene == null || isDocument(page.image()) ? doc.detect(page) : scene.detect(page);
  }

  /** The rule: enough paper, and not colourful. */
  public static boolean isDocument(BufferedImage img) {
    return paperFraction(img) >= MIN_PAPER && saturation(img) <= MAX_SATURATION;
  }

  /**
   * The fraction of pixels within {@value #PAPER_BAND} grey levels below the paper's level (the most
   * frequent grey level from 96 up), or 0 when that level is darker than {@value #MIN_PAPER_LEVEL}.
   */
  public static double paperFraction(BufferedImage img) {
    byte[] g = Preprocessor.grey(img);
    int[] hist = new int[256];
    int step = Math.max(1, g.length / 400_000);
    int n = 0;
    for (int i = 0; i < g.length; i += step) {
      hist[g[i] & 0xFF]++;
      n++;
    }
    // the paper's level: the most frequent level in the upper half, smoothed over 9 levels
    int best = 255;
    long bestCount = -1;
    for (int v = 96; v < 256; v++) {
      long c = 0;
      for (int d = -4; d <= 4; d++) {
        int u = v + d;
        if (u >= 0 && u < 256) {
          c += hist[u];
        }
      }
      if (c > bestCount) {
        bestCount = c;
        best = v;
      }
    }
    if (best < MIN_PAPER_LEVEL) {
      return 0;
    }
    long paper = 0;
    for (int v = Math.max(0, best - PAPER_BAND); v < 256; v++) {
      paper += hist[v];
    }
    return n == 0 ? 0 : paper / (double) n;
  }

  /** Mean HSV saturation of a colour page (0 for grey pages), sampled. */
  public static double saturation(BufferedImage img) {
    if (img.getColorModel().getNumColorComponents() < 3) {
      return 0;
    }
    int w = img.getWidth();
    int h = img.getHeight();
    int step = Math.max(1, (int) Math.sqrt((double) w * h / 100_000));
    double sum = 0;
    int n = 0;
    for (int y = 0; y < h; y += step) {
      for (int x = 0; x < w; x += step) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int gr = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        int max = Math.max(r, Math.max(gr, b));
        int min = Math.min(r, Math.min(gr, b));
        sum += max == 0 ? 0 : (max - min) / (double) max;
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }
}
