package org.jaznet.pages.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageWord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordMatcherTest {
  private static GroundTruth.Word gt(int x, int y, int w, int h, String text) {
    return new GroundTruth.Word(new PageBox(x, y, w, h), text);
  }

  private static PageWord pred(int x, int y, int w, int h, String text) {
    return new PageWord(new PageBox(x, y, w, h), text, 0.9, 1, 1);
  }

  private static GroundTruth page(GroundTruth.Word... words) {
    return new GroundTruth("p.png", Path.of("p.png"), List.of(words));
  }

  private static List<PageBox> boxes(PageWord... ws) {
    List<PageBox> b = new ArrayList<>();
    for (PageWord w : ws) {
      b.add(w.box());
    }
    return b;
  }

  @Test
  void oneToOneGreedyByIou() {
    // two predictions over one GT: only the better one matches; the other is a false positive
    List<GroundTruth.Word> truth = List.of(gt(0, 0, 100, 20, "a"), gt(200, 0, 100, 20, "b"));
    WordMatcher.Result r = WordMatcher.match(
        List.of(new PageBox(0, 0, 90, 20), new PageBox(0, 0, 100, 20), new PageBox(205, 0, 100, 20)), truth);
    assertThat(r.gtOfPred()).containsExactly(-1, 0, 1);
    assertThat(r.predOfGt()).containsExactly(1, 2);
    assertThat(r.matches()).isEqualTo(2);
    assertThat(r.countedPredictions()).isEqualTo(3);
  }

  @Test
  void greedyTakesHighestIouFirstAcrossPairs() {
    // pred 0 overlaps GT 0 (0.67) and GT 1 (0.82); pred 1 overlaps only GT 1 (0.90): pred1-GT1 first,
    // then pred0-GT0
    List<GroundTruth.Word> truth = List.of(gt(0, 0, 100, 10, "a"), gt(30, 0, 100, 10, "b"));
    PageBox p0 = new PageBox(20, 0, 100, 10);
    PageBox p1 = new PageBox(35, 0, 100, 10);
    assertThat(p0.iou(truth.get(0).box())).isGreaterThan(0.5);
    assertThat(p0.iou(truth.get(1).box())).isGreaterThan(p0.iou(truth.get(0).box()));
    WordMatcher.Result r = WordMatcher.match(List.of(p0, p1), truth);
    assertThat(r.gtOfPred()).containsExactly(0, 1);
  }

  @Test
  void belowHalfIouIsNoMatch() {
    WordMatcher.Result r = WordMatcher.match(List.of(new PageBox(0, 0, 50, 20)), List.of(gt(0, 0, 101, 20, "a")));
    assertThat(r.matches()).isZero();
    // exactly 0.5 does match
    r = WordMatcher.match(List.of(new PageBox(0, 0, 50, 20)), List.of(gt(0, 0, 100, 20, "a")));
    assertThat(r.matches()).isEqualTo(1);
  }

  @Test
  void ignoreBoxesDropPredictionsAndAreNotCounted() {
    GroundTruth truth = page(gt(0, 0, 100, 20, "word"), gt(300, 0, 100, 20, "###"), gt(600, 0, 30, 20, "###"));
    PageWord[] preds = {
        pred(0, 0, 100, 20, "word"),
        pred(300, 0, 95, 20, "junk"),     // IoU >= 0.5 with ignore -> dropped
        pred(605, 2, 40, 16, "x"),         // mostly inside ignore (inter/area >= 0.5) -> dropped
        pred(900, 0, 50, 20, "fp")};       // a real false positive
    WordMatcher.Result r = WordMatcher.match(boxes(preds), truth.words());
    assertThat(r.dropped()).containsExactly(false, true, true, false);
    PageScores s = PageScores.score(truth, List.of(preds), 0);
    assertThat(s.detection()).isEqualTo(new Prf(1, 2, 1));
    assertThat(s.detection().precision()).isEqualTo(0.5);
    assertThat(s.detection().recall()).isEqualTo(1.0);
  }

  @Test
  void realWordIsMatchedBeforeAnAdjacentIgnoreBox() {
    // a small ### box inside the prediction's area must not swallow the prediction of a real word
    GroundTruth truth = page(gt(0, 0, 100, 20, "SUGGESTION/"), gt(60, 0, 60, 20, "###"));
    PageScores s = PageScores.score(truth, List.of(pred(0, 0, 100, 20, "SUGGESTION/")), 0);
    assertThat(s.detection()).isEqualTo(new Prf(1, 1, 1));
  }

  @Test
  void protocolNormalisation() {
    assertThat(TextProtocol.STANDARD.normalise("Harper,")).isEqualTo("harper");
    assertThat(TextProtocol.STANDARD.normalise("R&D")).isEqualTo("rd");
    assertThat(TextProtocol.STANDARD.normalise("9/3/92")).isEqualTo("9392");
    assertThat(TextProtocol.STANDARD.normalise(":")).isEmpty();
    assertThat(TextProtocol.CASED.normalise("  (Harper,) ")).isEqualTo("Harper");
    assertThat(TextProtocol.CASED.normalise("9/3/92")).isEqualTo("9/3/92");
    assertThat(TextProtocol.CASED.normalise("R&D:")).isEqualTo("R&D");
    assertThat(TextProtocol.CASED.normalise("/")).isEmpty();
    assertThat(TextProtocol.STANDARD.agree("HARPER", "Harper,")).isTrue();
    assertThat(TextProtocol.CASED.agree("HARPER", "Harper,")).isFalse();
    assertThat(TextProtocol.CASED.agree("Harper", "Harper,")).isTrue();
    assertThat(TextProtocol.STANDARD.agree(":", ":")).isFalse();
  }

  @Test
  void endToEndCountsWrongTextAsFalsePositiveAndMiss() {
    GroundTruth truth = page(gt(0, 0, 100, 20, "Harper,"), gt(200, 0, 100, 20, "Date"),
        gt(400, 0, 10, 20, ":"), gt(500, 0, 50, 20, "QUALITY"));
    List<PageWord> preds = List.of(
        pred(0, 0, 100, 20, "harper"),   // standard ok, cased wrong
        pred(200, 0, 100, 20, "Dale"),    // both wrong: FP + miss
        pred(400, 0, 10, 20, ";"),        // GT ':' is ignore under both protocols, pair not counted
        pred(700, 0, 10, 20, "."),        // unpaired, empty under both protocols: not counted in e2e
        pred(500, 0, 50, 20, "QUALITY")); // both ok
    PageScores s = PageScores.score(truth, preds, 0);
    assertThat(s.detection()).isEqualTo(new Prf(4, 5, 4));
    assertThat(s.e2e()).isEqualTo(new Prf(2, 3, 3));
    assertThat(s.e2eCased()).isEqualTo(new Prf(1, 3, 3));
  }

  @Test
  void emptyPredictionsAndTruth() {
    PageScores s = PageScores.score(page(), List.of(), 0);
    assertThat(s.detection().f()).isZero();
    assertThat(new Prf(0, 0, 0).precision()).isZero();
  }

  @Test
  void groundTruthReaderNamesFileAndLine(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("images"));
    Files.write(dir.resolve("images/a.png"), new byte[] {1});
    Files.writeString(dir.resolve("words.jsonl"),
        "{\"image\": \"a.png\", \"words\": [{\"box\": [1, 2, 3, 4], \"text\": \"Hi\"}, {\"box\": [5, 6, 7, 8], \"text\": \"###\"}]}\n\n");
    GroundTruthSet set = GroundTruthSet.read(dir);
    assertThat(set.size()).isEqualTo(1);
    GroundTruth g = set.pages().get(0);
    assertThat(g.imagePath()).isEqualTo(dir.resolve("images/a.png"));
    assertThat(g.words()).hasSize(2);
    assertThat(g.words().get(0).box()).isEqualTo(new PageBox(1, 2, 3, 4));
    assertThat(g.words().get(1).ignore()).isTrue();

    Files.writeString(dir.resolve("words.jsonl"),
        "{\"image\": \"a.png\", \"words\": []}\n{\"image\": \"a.png\", \"words\": [{\"box\": [1, 2], \"text\": \"x\"}]}\n");
    assertThatThrownBy(() -> GroundTruthSet.read(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining("words.jsonl line 2").hasMessageContaining("box");
    Files.writeString(dir.resolve("words.jsonl"), "{\"image\": \"a.png\", \"words\": [}\n");
    assertThatThrownBy(() -> GroundTruthSet.read(dir)).hasMessageContaining("line 1").hasMessageContaining("JSON");
    Files.writeString(dir.resolve("words.jsonl"), "{\"image\": \"b.png\", \"words\": []}\n");
    assertThatThrownBy(() -> GroundTruthSet.read(dir)).hasMessageContaining("b.png").hasMessageContaining("does not exist");
    Files.delete(dir.resolve("words.jsonl"));
    assertThatThrownBy(() -> GroundTruthSet.read(dir)).hasMessageContaining("words.jsonl");
  }
}
