package org.jaznet.pages.detect.scene;

import java.util.ArrayList;
import java.util.List;
import org.jaznet.pages.PageBox;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Splits a box of the scene detector into words and fits each word to its ink. The kernel map often
 * joins the words of a line into one box and grows boxes past their text; inside a box, text and
 * background separate well under one global (Otsu) threshold. The background is the class that holds
 * most of the box's rim; components of the other class are glyphs unless they are specks or leaks of
 * the background (reaching across the box). Glyphs are ordered left to right and a gap wider than
 * {@link Config#wordGap()} times the median glyph height starts a new word. A box with no glyph found
 * is kept as it was. Stateless.
 */
final class WordSplitter {
  private WordSplitter() {}

  /**
   * @param wordGap a gap between glyphs wider than this times their median height separates words
   * @param margin  share of the box height added to each side of the search area (the map's boxes can
   *                clip the ends of a word)
   */
  record Config(double wordGap, double margin) {
    static final Config DEFAULT = new Config(0.45, 0.08);

    Config {
      if (!(wordGap > 0) || !(margin >= 0)) {
        throw new IllegalArgumentException("wordGap must be > 0 and margin >= 0, got " + wordGap + ", " + margin);
      }
    }
  }

  /** A glyph candidate: bounds (exclusive right and bottom) in crop pixels. */
  private record Glyph(int x0, int y0, int x1, int y1) {
    int h() {
      return y1 - y0;
    }
  }

  /**
   * The words of {@code box} on the grey page {@code page} (CV_8UC1), in page pixels, left to right.
   */
  static List<PageBox> split(Mat page, PageBox box, Config config) {
    int pad = (int) Math.round(box.h() * config.margin());
    int x0 = Math.max(0, box.x() - pad);
    int y0 = Math.max(0, box.y() - pad / 2);
    int x1 = Math.min(page.cols(), box.right() + pad);
    int y1 = Math.min(page.rows(), box.bottom() + pad / 2);
    if (x1 - x0 < 4 || y1 - y0 < 4) {
      return List.of(box);
    }
    PageBox area = PageBox.ofCorners(x0, y0, x1, y1);
    List<Glyph> glyphs = glyphs(page.submat(area.y(), area.bottom(), area.x(), area.right()));
    if (glyphs.isEmpty()) {
      return List.of(box);
    }
    int[] heights = glyphs.stream().mapToInt(Glyph::h).sorted().toArray();
    double gap = config.wordGap() * heights[heights.length / 2];
    List<PageBox> words = new ArrayList<>();
    Glyph word = null;
    for (Glyph g : glyphs) {
      if (word != null && g.x0() - word.x1() > gap) {
        words.add(toPage(word, area));
        word = null;
      }
      word = word == null ? g : new Glyph(word.x0(), Math.min(word.y0(), g.y0()), Math.max(word.x1(), g.x1()),
          Math.max(word.y1(), g.y1()));
    }
    words.add(toPage(word, area));
    return words;
  }

  private static PageBox toPage(Glyph g, PageBox area) {
    return PageBox.ofCorners(area.x() + g.x0(), area.y() + g.y0(), area.x() + g.x1(), area.y() + g.y1());
  }

  /** Glyph candidates of a crop, sorted by left edge. */
  private static List<Glyph> glyphs(Mat crop) {
    int w = crop.cols();
    int h = crop.rows();
    Mat bin = new Mat();
    Mat labels = new Mat();
    Mat stats = new Mat();
    Mat centroids = new Mat();
    try {
      Imgproc.threshold(crop, bin, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
      byte[] px = new byte[w * h];
      bin.get(0, 0, px);
      long rimBright = 0;
      for (int x = 0; x < w; x++) {
        rimBright += (px[x] != 0 ? 1 : 0) + (px[(h - 1) * w + x] != 0 ? 1 : 0);
      }
      for (int y = 1; y < h - 1; y++) {
        rimBright += (px[y * w] != 0 ? 1 : 0) + (px[y * w + w - 1] != 0 ? 1 : 0);
      }
      long rim = 2L * w + 2L * (h - 2);
      if (2 * rimBright > rim) {
        // bright background: the dark class is the text
        Core.bitwise_not(bin, bin);
      }
      int n = Imgproc.connectedComponentsWithStats(bin, labels, stats, centroids, 8, CvType.CV_32S);
      int[] s = new int[Math.max(0, n - 1) * 5];
      if (n > 1) {
        stats.submat(1, n, 0, 5).get(0, 0, s);
      }
      List<Glyph> all = new ArrayList<>();
      int tallest = 0;
      for (int i = 0; i < n - 1; i++) {
        int x = s[5 * i];
        int y = s[5 * i + 1];
        int cw = s[5 * i + 2];
        int ch = s[5 * i + 3];
        int ink = s[5 * i + 4];
        boolean leak = cw > 0.9 * w || ch > 0.95 * h || (touches(x, y, cw, ch, w, h) && ink > 0.15 * w * h);
        if (leak || ink < 3 || ch < Math.max(2, h / 12)) {
          continue;
        }
        all.add(new Glyph(x, y, x + cw, y + ch));
        tallest = Math.max(tallest, ch);
      }
      List<Glyph> out = new ArrayList<>(all.size());
      for (Glyph g : all) {
        // punctuation stays (a full stop is a fifth of a capital); texture specks lower than that do not
        if (g.h() >= 0.2 * tallest) {
          out.add(g);
        }
      }
      out.sort((a, b) -> Integer.compare(a.x0(), b.x0()));
      return out;
    } finally {
      bin.release();
      labels.release();
      stats.release();
      centroids.release();
    }
  }

  private static boolean touches(int x, int y, int cw, int ch, int w, int h) {
    return x == 0 || y == 0 || x + cw == w || y + ch == h;
  }
}
