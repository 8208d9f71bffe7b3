package org.jaznet.pages.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageWord;

/**
 * The scores of one page: word detection, end-to-end with the {@link TextProtocol#STANDARD standard}
 * protocol and end-to-end {@link TextProtocol#CASED case-sensitive}.
 *
 * <p>Detection counts the matched pairs of {@link WordMatcher}. End-to-end starts from the same pairs: a
 * pair counts as a true positive when the texts agree under the protocol; otherwise its prediction is a
 * false positive and its ground truth a miss. A ground-truth word whose text is empty under the protocol
 * is ignored for that protocol (its paired prediction, if any, is not counted either); an unpaired
 * prediction whose text is empty under the protocol is not counted. Predictions dropped by the matcher
 * (on ignore boxes) are never counted.
 *
 * @param image the image name
 * @param detection word detection counts
 * @param e2e end-to-end counts, standard protocol
 * @param e2eCased end-to-end counts, case-sensitive protocol
 * @param millis time the engine took on this page (0 when unknown)
 */
public record PageScores(String image, Prf detection, Prf e2e, Prf e2eCased, double millis) {
  public PageScores {
    Objects.requireNonNull(image, "image");
  }

  /** Scores {@code predicted} words against {@code truth}. */
  public static PageScores score(GroundTruth truth, List<PageWord> predicted, double millis) {
    List<PageBox> boxes = new ArrayList<>(predicted.size());
    for (PageWord w : predicted) {
      boxes.add(w.box());
    }
    List<GroundTruth.Word> gt = truth.words();
    WordMatcher.Result m = WordMatcher.match(boxes, gt);
    long gtCounted = gt.stream().filter(w -> !w.ignore()).count();
    Prf det = new Prf(m.matches(), m.countedPredictions(), gtCounted);
    return new PageScores(truth.image(), det, endToEnd(TextProtocol.STANDARD, predicted, gt, m),
        endToEnd(TextProtocol.CASED, predicted, gt, m), millis);
  }

  private static Prf endToEnd(TextProtocol proto, List<PageWord> pred, List<GroundTruth.Word> gt,
      WordMatcher.Result m) {
    long tp = 0;
    long np = 0;
    long ng = 0;
    for (int g = 0; g < gt.size(); g++) {
      GroundTruth.Word w = gt.get(g);
      if (!w.ignore() && !proto.normalise(w.text()).isEmpty()) {
        ng++;
      }
    }
    for (int p = 0; p < pred.size(); p++) {
      if (m.dropped()[p]) {
        continue;
      }
      int g = m.gtOfPred()[p];
      String text = pred.get(p).text();
      if (g < 0) {
        if (!proto.normalise(text).isEmpty()) {
          np++;
        }
        continue;
      }
      String truthText = gt.get(g).text();
      if (proto.normalise(truthText).isEmpty()) {
        continue; // ground truth ignored under this protocol, and so is its pair
      }
      np++;
      if (proto.agree(text, truthText)) {
        tp++;
      }
    }
    return new Prf(tp, np, ng);
  }
}
