package org.jaznet.pages.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.jaznet.pages.PageImage;
import org.junit.jupiter.api.Test;

class DocDetectorTest {
  private static final List<String> WORDS = Arrays.asList(("the quick brown fox jumps over the lazy dog while "
      + "seven wizards quietly pack boxes of liquor jugs and zebras graze under twelve amber lamps near the "
      + "harbour where ships unload heavy crates of copper wire every morning before dawn").split(" "));

  private final DocDetector detector = new DocDetector();

  private static double recall(List<TestPages.Word> truth, List<DetectedWord> found) {
    int hit = 0;
    for (TestPages.Word w : truth) {
      if (found.stream().anyMatch(d -> d.box().iou(w.box()) >= 0.5)) {
        hit++;
      }
    }
    return hit / (double) truth.size();
  }

  @Test
  void findsEveryWordOfACleanPageInReadingOrder() {
    TestPages.Page page = TestPages.render(1200, 900, new Font(Font.SERIF, Font.PLAIN, 28), 1, WORDS, 0);
    List<DetectedWord> found = detector.detect(new PageImage("clean.png", 1, page.image()));
    assertThat(recall(page.words(), found)).isGreaterThanOrEqualTo(0.95);
    assertThat(found.size()).isBetween(page.words().size() - 2, page.words().size() + 2);
    // reading order: lines never go back, words of a line run left to right
    for (int i = 1; i < found.size(); i++) {
      DetectedWord a = found.get(i - 1);
      DetectedWord b = found.get(i);
      assertThat(b.line()).isGreaterThanOrEqualTo(a.line());
      if (a.line() == b.line()) {
        assertThat(b.box().x()).isGreaterThan(a.box().x());
      }
    }
    int lastLine = page.words().get(page.words().size() - 1).line();
    assertThat(found.get(found.size() - 1).line()).isEqualTo(lastLine);
  }

  /** Words of one line share its band (top of the capitals and ascenders); with lineBand < 0 boxes are tight. */
  @Test
  void wordBoxesTakeTheirLineBand() {
    TestPages.Page page = TestPages.render(1200, 900, new Font(Font.SERIF, Font.PLAIN, 28), 1, WORDS, 0);
    PageImage img = new PageImage("band.png", 1, page.image());
    List<DetectedWord> banded = detector.detect(img);
    List<DetectedWord> tight = new DocDetector(DocDetectorConfig.defaults().withLineBand(-1)).detect(img);
    assertThat(banded).hasSameSizeAs(tight);
    int tightTopsDiffer = 0;
    for (int i = 0; i < banded.size(); i++) {
      DetectedWord b = banded.get(i);
      DetectedWord t = tight.get(i);
      assertThat(b.box().x()).isEqualTo(t.box().x());
      assertThat(b.box().w()).isEqualTo(t.box().w());
      assertThat(b.box().y()).isLessThanOrEqualTo(t.box().y());
      assertThat(b.box().bottom()).isGreaterThan(t.box().bottom() - 1);
      if (i > 0 && b.line() == banded.get(i - 1).line()) {
        assertThat(b.box().y()).as("top of %s in line %s", i, b.line()).isEqualTo(banded.get(i - 1).box().y());
        tightTopsDiffer += t.box().y() != tight.get(i - 1).box().y() ? 1 : 0;
      }
    }
    assertThat(tightTopsDiffer).as("x-height words have lower tops when tight").isGreaterThan(3);
    // the band still finds every word
    assertThat(recall(page.words(), banded)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void readsTwoColumnsOneAfterTheOther() {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      words.addAll(WORDS);
    }
    TestPages.Page page = TestPages.render(1400, 700, new Font(Font.SANS_SERIF, Font.PLAIN, 24), 2, words, 0);
    assertThat(page.words()).anyMatch(w -> w.column() == 2);
    List<DetectedWord> found = detector.detect(new PageImage("columns.png", 1, page.image()));
    assertThat(recall(page.words(), found)).isGreaterThanOrEqualTo(0.95);
    int mid = 700;
    // every left-column word comes before every right-column word, in a different block
    int lastLeft = -1;
    int firstRight = Integer.MAX_VALUE;
    for (int i = 0; i < found.size(); i++) {
      if (found.get(i).box().right() < mid) {
        lastLeft = i;
      } else if (found.get(i).box().x() > mid) {
        firstRight = Math.min(firstRight, i);
      }
    }
    assertThat(lastLeft).isLessThan(firstRight);
    assertThat(found.get(0).block()).isNotEqualTo(found.get(found.size() - 1).block());
  }

  @Test
  void deskewsATurnedPageAndReturnsBoxesInItsPixels() {
    TestPages.Page page = TestPages.render(1200, 900, new Font(Font.SERIF, Font.PLAIN, 28), 1, WORDS, 2.5);
    List<DetectedWord> found = detector.detect(new PageImage("skewed.png", 1, page.image()));
    assertThat(recall(page.words(), found)).isGreaterThanOrEqualTo(0.85);
    long lines = found.stream().mapToInt(DetectedWord::line).distinct().count();
    long truthLines = page.words().stream().mapToInt(TestPages.Word::line).distinct().count();
    assertThat(lines).isEqualTo(truthLines);
  }

  @Test
  void aBlankOrNoisyPageHasNoWords() {
    BufferedImage blank = new BufferedImage(800, 600, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = blank.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 800, 600);
    g.setColor(Color.BLACK);
    // a table rule and a frame: not words
    g.fillRect(50, 300, 700, 2);
    g.drawRect(20, 20, 760, 560);
    g.dispose();
    Random r = new Random(5);
    for (int i = 0; i < 300; i++) {
      blank.getRaster().setSample(r.nextInt(800), r.nextInt(600), 0, 0);
    }
    assertThat(detector.detect(new PageImage("blank.png", 1, blank))).isEmpty();
  }
}
