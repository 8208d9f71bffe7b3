package org.jaznet.pages.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Groups character components into line segments and words. A segment grows to the right: a component
 * joins the segment whose last character it overlaps vertically and whose right end is within
 * {@link DocDetectorConfig#lineGap()} character heights. Comparing with the last character rather than
 * the whole segment lets lines drift with a little skew or curvature. Not thread-safe (one per page).
 */
final class LineGrouper {
  /** A line segment: its components left to right. */
  static final class Segment {
    final List<Blob> parts = new ArrayList<>();
    Blob bounds;
    /** The last component tall enough to speak for the line's height (not a comma or a dot). */
    Blob anchor;

    void add(Blob b, double charHeight) {
      parts.add(b);
      bounds = bounds == null ? b : bounds.union(b);
      if (anchor == null || b.h() >= 0.5 * charHeight) {
        anchor = b;
      }
    }

    int right() {
      return bounds.x1();
    }

    /** Median height of the components that are not punctuation-sized. */
    double charHeight() {
      int[] hs = parts.stream().mapToInt(Blob::h).toArray();
      Arrays.sort(hs);
      int max = hs[hs.length - 1];
      int[] big = Arrays.stream(hs).filter(h -> h >= 0.4 * max).toArray();
      return big[big.length / 2];
    }
  }

  private final DocDetectorConfig config;

  LineGrouper(DocDetectorConfig config) {
    this.config = config;
  }

  /** Line segments of {@code blobs}; {@code charHeight} is the page's median character height. */
  List<Segment> segments(List<Blob> blobs, double charHeight) {
    List<Blob> byX = new ArrayList<>(blobs);
    byX.sort(Comparator.comparingInt(Blob::x0));
    List<Segment> open = new ArrayList<>();
    List<Segment> all = new ArrayList<>();
    for (Blob b : byX) {
      Segment best = null;
      double bestScore = 0;
      for (Segment s : open) {
        Blob a = s.anchor;
        double h = Math.max(a.h(), Math.min(b.h(), 2.0 * a.h()));
        int gap = b.x0() - s.right();
        if (gap > config.lineGap() * h || gap < -0.5 * h) {
          continue;
        }
        // a small mark (dot, comma, accent) needs only to sit within the anchor's height band
        boolean small = b.h() < 0.6 * a.h();
        int overlap = a.yOverlap(b);
        double score = overlap / (double) Math.min(a.h(), b.h());
        boolean heightsAgree = b.h() <= 2.2 * a.h();
        if ((small && b.y0() >= a.y0() - 0.6 * a.h() && b.y1() <= a.y1() + 0.5 * a.h())
            || (heightsAgree && score >= 0.5)) {
          double s2 = score - gap / (10.0 * h);
          if (best == null || s2 > bestScore) {
            best = s;
            bestScore = s2;
          }
        }
      }
      if (best == null) {
        best = new Segment();
        open.add(best);
        all.add(best);
      }
      best.add(b, charHeight);
      // segments far to the left can take no more components: keep the open list short
      if (open.size() > 64) {
        int x = b.x0();
        open.removeIf(s -> x - s.right() > config.lineGap() * 4 * s.anchor.h());
      }
    }
    return all;
  }

  /**
   * The words of one segment, left to right, each split further if it is as wide as a line. With
   * {@code specks} (the page's character height, 0 for none) a word no bigger than punctuation at that
   * height ({@link MarkFilter#small}) is dropped when it is small beside its own line's characters too, or
   * when its line has no more than two parts: scanner specks, dust and stray dots that stand apart.
   */
  List<Blob> words(Segment s, double specks) {
    double h = s.charHeight();
    List<Blob> parts = new ArrayList<>(s.parts);
    parts.sort(Comparator.comparingInt(Blob::x0));
    double threshold = wordGap(parts, h);
    List<List<Blob>> words = new ArrayList<>();
    List<Blob> cur = new ArrayList<>();
    int right = Integer.MIN_VALUE;
    for (Blob b : parts) {
      if (!cur.isEmpty() && b.x0() - right > threshold) {
        words.add(cur);
        cur = new ArrayList<>();
      }
      cur.add(b);
      right = Math.max(right, b.x1());
    }
    words.add(cur);
    List<Blob> out = new ArrayList<>();
    for (List<Blob> w : words) {
      if (specks > 0 && w.size() == 1 && MarkFilter.bullet(w.get(0), specks)) {
        continue;
      }
      splitWide(w, out);
    }
    if (specks > 0) {
      boolean lone = s.parts.size() <= 2;
      out.removeIf(b -> MarkFilter.small(b, specks) && (lone || MarkFilter.small(b, h)));
    }
    if (config.lineBand() < 0) {
      return out;
    }
    int[] band = band(parts, h, config.lineBand());
    List<Blob> banded = new ArrayList<>(out.size());
    for (Blob b : out) {
      banded.add(new Blob(b.x0(), Math.min(b.y0(), band[0]), b.x1(), Math.max(b.y1(), band[1]), b.ink()));
    }
    return banded;
  }

  /**
   * The band of a line, {top, bottom}: the highest top of its character-sized parts (ascenders and
   * capitals; marks taller than 1.6 character heights do not count), and its baseline (the median bottom
   * of those parts) plus {@code descender} times the baseline's depth below that top.
   */
  static int[] band(List<Blob> parts, double charHeight, double descender) {
    List<Integer> bottoms = new ArrayList<>();
    int top = Integer.MAX_VALUE;
    for (Blob b : parts) {
      if (b.h() >= 0.5 * charHeight && b.h() <= 1.6 * charHeight) {
        bottoms.add(b.y1());
        top = Math.min(top, b.y0());
      }
    }
    if (bottoms.isEmpty()) {
      Blob u = Blob.union(parts);
      return new int[] {u.y0(), u.y1()};
    }
    bottoms.sort(null);
    int baseline = bottoms.get(bottoms.size() / 2);
    int bottom = baseline + (int) Math.round(descender * Math.max(1, baseline - top));
    return new int[] {top, bottom};
  }

  /**
   * The gap between words of one line. Fonts space words from about 0.2 to 0.5 em and letters from
   * about 0 to 0.1 em, so one fixed fraction of the character height splits some fonts' words and
   * joins others'. A line's own gaps tell: when they fall into two clusters (Otsu's split of the
   * gaps, the upper cluster's mean at least twice the lower's), the threshold lies between them,
   * bounded to [0.18, 0.9] character heights; otherwise {@link DocDetectorConfig#wordGap()} decides.
   */
  double wordGap(List<Blob> parts, double h) {
    double fixed = config.wordGap() * h;
    List<Integer> gaps = new ArrayList<>();
    int right = Integer.MIN_VALUE;
    for (Blob b : parts) {
      if (right != Integer.MIN_VALUE && b.x0() > right) {
        gaps.add(b.x0() - right);
      }
      right = Math.max(right, b.x1());
    }
    if (gaps.size() < 4) {
      return fixed;
    }
    int[] g = gaps.stream().mapToInt(Integer::intValue).sorted().toArray();
    int n = g.length;
    double[] prefix = new double[n + 1];
    for (int i = 0; i < n; i++) {
      prefix[i + 1] = prefix[i] + g[i];
    }
    double best = -1;
    int split = -1;
    for (int k = 1; k < n; k++) {
      double m0 = prefix[k] / k;
      double m1 = (prefix[n] - prefix[k]) / (n - k);
      double between = (double) k * (n - k) * (m1 - m0) * (m1 - m0);
      if (between > best) {
        best = between;
        split = k;
      }
    }
    double lowMean = prefix[split] / split;
    double highMean = (prefix[n] - prefix[split]) / (n - split);
    if (highMean < 2 * Math.max(1, lowMean) || g[split] < 0.18 * h) {
      // one cluster: a line of one word, or of words only
      return fixed;
    }
    double t = (g[split - 1] + g[split]) / 2.0;
    return Math.max(0.18 * h, Math.min(0.9 * h, t));
  }

  /** A word wider than a line-like aspect is cut at its widest gap, recursively; the recognizer reads 32x100. */
  private void splitWide(List<Blob> parts, List<Blob> out) {
    Blob u = Blob.union(parts);
    if (parts.size() < 2 || u.w() <= config.maxLineAspect() * u.h()) {
      out.add(u);
      return;
    }
    int cut = -1;
    int widest = Integer.MIN_VALUE;
    int right = parts.get(0).x1();
    for (int i = 1; i < parts.size(); i++) {
      int gap = parts.get(i).x0() - right;
      // cuts near the ends would leave a sliver: only the middle 80 %
      if (gap > widest && i >= parts.size() / 10 && i <= parts.size() - parts.size() / 10) {
        widest = gap;
        cut = i;
      }
      right = Math.max(right, parts.get(i).x1());
    }
    if (cut <= 0 || widest < 0) {
      out.add(u);
      return;
    }
    splitWide(parts.subList(0, cut), out);
    splitWide(parts.subList(cut, parts.size()), out);
  }
}
