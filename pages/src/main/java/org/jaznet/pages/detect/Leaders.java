package org.jaznet.pages.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Dotted and dashed leaders ("Name ........ value") and dotted lines of forms: a run of at least
 * {@value #MIN_RUN} marks lower than {@value #MAX_HEIGHT} of a character height and dense (dots or
 * dashes, not letters), on one level, each at most {@value #MAX_GAP} character heights from the next,
 * all of about one size (letters of a word differ: i, m, o). Stateless.
 */
final class Leaders {
  static final int MIN_RUN = 4;
  static final double MAX_HEIGHT = 0.6;
  static final double MAX_GAP = 1.2;

  private Leaders() {}

  /** For each of {@code blobs}, whether it is a mark of a leader. */
  static boolean[] find(List<Blob> blobs, double ch) {
    boolean[] out = new boolean[blobs.size()];
    List<Integer> marks = new ArrayList<>();
    for (int i = 0; i < blobs.size(); i++) {
      Blob b = blobs.get(i);
      if (b.h() <= MAX_HEIGHT * ch && b.w() <= 1.5 * ch && b.fill() >= 0.5) {
        marks.add(i);
      }
    }
    marks.sort(Comparator.comparingInt(i -> blobs.get(i).x0()));
    int[] next = new int[blobs.size()];
    boolean[] hasPrev = new boolean[blobs.size()];
    Arrays.fill(next, -1);
    for (int a = 0; a < marks.size(); a++) {
      Blob b = blobs.get(marks.get(a));
      for (int c = a + 1; c < marks.size(); c++) {
        Blob o = blobs.get(marks.get(c));
        int gap = o.x0() - b.x1();
        if (gap > MAX_GAP * ch) {
          break;
        }
        if (gap >= 1 && !hasPrev[marks.get(c)] && Math.abs(o.cy() - b.cy()) <= Math.max(1, 0.2 * ch) && alike(b, o)) {
          next[marks.get(a)] = marks.get(c);
          hasPrev[marks.get(c)] = true;
          break;
        }
      }
    }
    for (int i : marks) {
      if (hasPrev[i]) {
        continue;
      }
      List<Integer> run = new ArrayList<>();
      for (int j = i; j >= 0; j = next[j]) {
        run.add(j);
      }
      if (run.size() >= MIN_RUN) {
        for (int j : run) {
          out[j] = true;
        }
      }
    }
    return out;
  }

  /** About one size: heights within a pixel (or 25 %), widths within a pixel (or 30 %). */
  private static boolean alike(Blob a, Blob b) {
    return Math.abs(a.h() - b.h()) <= Math.max(1, 0.25 * a.h()) && Math.abs(a.w() - b.w()) <= Math.max(1, 0.3 * a.w());
  }
}
