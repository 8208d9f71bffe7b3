package org.jaznet.pages.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jaznet.pages.PageBox;

/**
 * One-to-one matching of predicted word boxes to ground-truth word boxes, ICDAR style.
 *
 * <ol>
 *   <li>Every (prediction, counted ground truth) pair with IoU >= {@value #IOU} is a candidate.
 *       Candidates are taken greedily by descending IoU (ties: lower prediction index, then lower ground
 *       truth index, so the result is deterministic); a pair is kept when neither side is taken yet. At
 *       IoU >= 0.5 a box can overlap at most a few others that much, and greedy matching is the standard
 *       ICDAR / DetEval-style one-to-one rule (it equals the optimal assignment in nearly every real page).
 *   <li>Ignore boxes ({@code "###"}) take no part in step 1. A prediction left unmatched after it that
 *       overlaps an ignore box with IoU >= 0.5, or lies mostly inside one (intersection / prediction area
 *       >= 0.5), is dropped: neither a true nor a false positive. Matching real words first means a
 *       small "###" box next to a real word cannot swallow that word's prediction.
 *   <li>Ignore boxes are never counted in recall.
 * </ol>
 */
public final class WordMatcher {
  /** Minimum IoU of a match. */
  public static final double IOU = 0.5;
  /** Minimum share of a prediction's area inside an ignore box for it to be dropped. */
  public static final double IGNORE_COVER = 0.5;

  private WordMatcher() {}

  /**
   * The outcome of matching one page.
   *
   * @param gtOfPred for each prediction, the index of its matched ground truth word, or -1
   * @param dropped for each prediction, true when it was dropped because of an ignore box
   * @param predOfGt for each ground truth word, the index of its matched prediction, or -1
   */
  public record Result(int[] gtOfPred, boolean[] dropped, int[] predOfGt) {
    /** Number of matched pairs. */
    public int matches() {
      int n = 0;
      for (int g : gtOfPred) {
        n += g >= 0 ? 1 : 0;
      }
      return n;
    }

    /** Predictions that count (not dropped). */
    public int countedPredictions() {
      int n = 0;
      for (boolean d : dropped) {
        n += d ? 0 : 1;
      }
      return n;
    }
  }

  /** Matches {@code predicted} boxes against {@code truth} (which may contain ignore boxes). */
  public static Result match(List<PageBox> predicted, List<GroundTruth.Word> truth) {
    int np = predicted.size();
    int ng = truth.size();
    List<double[]> cands = new ArrayList<>();
    for (int p = 0; p < np; p++) {
      PageBox pb = predicted.get(p);
      for (int g = 0; g < ng; g++) {
        GroundTruth.Word gw = truth.get(g);
        if (gw.ignore()) {
          continue;
        }
        double iou = pb.iou(gw.box());
        if (iou >= IOU) {
          cands.add(new double[] {iou, p, g});
        }
      }
    }
    cands.sort(Comparator.<double[]>comparingDouble(c -> -c[0])
        .thenComparingDouble(c -> c[1]).thenComparingDouble(c -> c[2]));
    int[] gtOfPred = new int[np];
    int[] predOfGt = new int[ng];
    Arrays.fill(gtOfPred, -1);
    Arrays.fill(predOfGt, -1);
    for (double[] c : cands) {
      int p = (int) c[1];
      int g = (int) c[2];
      if (gtOfPred[p] < 0 && predOfGt[g] < 0) {
        gtOfPred[p] = g;
        predOfGt[g] = p;
      }
    }
    boolean[] dropped = new boolean[np];
    for (int p = 0; p < np; p++) {
      if (gtOfPred[p] >= 0) {
        continue;
      }
      PageBox pb = predicted.get(p);
      for (GroundTruth.Word gw : truth) {
        if (gw.ignore() && (pb.iou(gw.box()) >= IOU
            || (double) pb.intersection(gw.box()) / pb.area() >= IGNORE_COVER)) {
          dropped[p] = true;
          break;
        }
      }
    }
    return new Result(gtOfPred, dropped, predOfGt);
  }
}
