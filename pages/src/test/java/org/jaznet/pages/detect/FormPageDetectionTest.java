package org.jaznet.pages.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageImage;
import org.jaznet.pages.eval.GroundTruth;
import org.jaznet.pages.eval.WordMatcher;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.jaznet.synth.document.DocPage;
import org.jaznet.synth.document.DocWord;
import org.jaznet.synth.document.DocumentLayout;
import org.jaznet.synth.document.DocumentSynth;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The doc detector's form steps on real rendered pages and real OpenCV: checkboxes, dotted leaders,
 * underlines touching text, specks and blots, and a whole synthetic form.
 */
class FormPageDetectionTest {
  static {
    Preprocessor.loadOpenCv();
  }

  private static final Font FONT = new Font(Font.SERIF, Font.PLAIN, 26);

  /** A white page drawn on by the test, with the ink boxes of the words it set. */
  private static final class Sheet {
    final BufferedImage img;
    final Graphics2D g;
    final List<PageBox> words = new ArrayList<>();

    Sheet(int w, int h) {
      img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
      g = img.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setColor(Color.BLACK);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setFont(FONT);
    }

    /** Draws {@code text} at (x, baseline) and records its ink box (measured alone on a blank page); returns its right end. */
    int word(String text, int x, int baseline) {
      BufferedImage alone = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
      Graphics2D a = alone.createGraphics();
      a.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      a.setColor(Color.WHITE);
      a.setFont(FONT);
      a.drawString(text, x, baseline);
      a.dispose();
      int x0 = Integer.MAX_VALUE;
      int y0 = Integer.MAX_VALUE;
      int x1 = -1;
      int y1 = -1;
      for (int y = Math.max(0, baseline - 40); y < Math.min(img.getHeight(), baseline + 20); y++) {
        for (int xx = x; xx < Math.min(img.getWidth(), x + 40 * text.length()); xx++) {
          if (alone.getRaster().getSample(xx, y, 0) >= 128) {
            x0 = Math.min(x0, xx);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, xx);
            y1 = Math.max(y1, y);
          }
        }
      }
      g.drawString(text, x, baseline);
      words.add(PageBox.ofCorners(x0, y0, x1 + 1, y1 + 1));
      return x1 + 1;
    }

    List<DetectedWord> detect(DocDetectorConfig config) {
      g.dispose();
      return new DocDetector(config).detect(new PageImage("sheet.png", 1, img));
    }
  }

  private static List<GroundTruth.Word> truth(List<PageBox> boxes) {
    return boxes.stream().map(b -> new GroundTruth.Word(b, "w")).toList();
  }

  private static int matched(List<PageBox> truth, List<DetectedWord> found) {
    return WordMatcher.match(found.stream().map(DetectedWord::box).toList(), truth(truth)).matches();
  }

  private static boolean overlaps(List<DetectedWord> found, PageBox region) {
    return found.stream().anyMatch(d -> d.box().intersection(region) > 0);
  }

  @Test
  void checkboxesAndTheirMarksAreNotWords() {
    Sheet s = new Sheet(900, 400);
    List<PageBox> boxes = new ArrayList<>();
    String[] labels = {"Approved", "Rejected", "Pending", "Urgent", "Filed", "Copy"};
    for (int i = 0; i < labels.length; i++) {
      int x = 60 + (i % 3) * 280;
      int y = 80 + (i / 3) * 120;
      s.g.setStroke(new BasicStroke(2));
      s.g.drawRect(x, y - 18, 18, 18);
      if (i % 2 == 0) { // a cross inside, not touching the frame
        s.g.drawLine(x + 5, y - 13, x + 13, y - 5);
        s.g.drawLine(x + 13, y - 13, x + 5, y - 5);
      }
      boxes.add(new PageBox(x - 1, y - 19, 21, 21));
      s.word(labels[i], x + 30, y);
    }
    List<DetectedWord> found = s.detect(DocDetectorConfig.defaults());
    assertThat(matched(s.words, found)).isEqualTo(labels.length);
    for (PageBox b : boxes) {
      assertThat(overlaps(found, b)).as("a detection on the checkbox at %s", b).isFalse();
    }
    // without the form steps the boxes are taken for letters
    Sheet again = new Sheet(900, 400);
    again.g.setStroke(new BasicStroke(2));
    again.g.drawRect(60, 62, 18, 18);
    again.word("Approved", 90, 80);
    assertThat(again.detect(DocDetectorConfig.defaults().withFormMarks(false))).anyMatch(d -> d.box().x() < 80);
  }

  @Test
  void leadersAndUnderlinesTouchingTextLeaveTheWordsAlone() {
    Sheet s = new Sheet(1000, 300);
    int end = s.word("Account:", 40, 80);
    for (int x = end + 12; x < 600; x += 9) { // a dotted leader
      s.g.fillRect(x, 77, 3, 3);
    }
    s.word("Balance", 620, 80);
    // an underline through the descenders of the value, from the label to the page's edge
    int end2 = s.word("Supply:", 40, 180);
    s.g.fillRect(end2 + 10, 183, 900 - end2, 2);
    s.word("jumping", 300, 180);
    s.word("quietly", 450, 180);
    List<DetectedWord> found = s.detect(DocDetectorConfig.defaults());
    assertThat(matched(s.words, found)).isEqualTo(s.words.size());
    assertThat(found).hasSize(s.words.size());
  }

  @Test
  void specksAndBlotsAwayFromTextAreDropped() {
    Sheet s = new Sheet(1000, 700);
    String[] text = "the seven wizards quietly pack boxes of copper wire before dawn".split(" ");
    int x = 60;
    for (String t : text) {
      x = s.word(t, x, 100) + 14;
    }
    Random r = new Random(3);
    // fewer specks than letters: the page's median character height must come from its text
    for (int i = 0; i < 40; i++) {
      double rad = r.nextDouble() < 0.9 ? 1 + r.nextDouble() : 3 + 4 * r.nextDouble();
      s.g.fill(new Ellipse2D.Double(40 + r.nextInt(920), 200 + r.nextInt(460), 2 * rad, 2 * rad));
    }
    List<DetectedWord> found = s.detect(DocDetectorConfig.defaults());
    assertThat(matched(s.words, found)).isGreaterThanOrEqualTo(text.length - 1);
    assertThat(found.stream().filter(d -> d.box().y() > 190).count()).as("detections among the specks").isLessThanOrEqualTo(3);
  }

  /** Bullets, filled and crossed boxes standing before their labels, and specks between words of a line. */
  @Test
  void bulletsMarkedBoxesAndSpecksBesideWordsAreNotWords() {
    Sheet s = new Sheet(1000, 420);
    List<PageBox> marks = new ArrayList<>();
    String[] labels = {"Approved", "Rejected", "Pending"};
    for (int i = 0; i < labels.length; i++) {
      int y = 80 + i * 110;
      int x0 = 60;
      // a bullet, a filled box, a box crossed with a heavy pen: each 16 px, a letter's gap before its label
      switch (i) {
        case 0 -> s.g.fill(new Ellipse2D.Double(x0, y - 16, 16, 16));
        case 1 -> s.g.fillRect(x0, y - 17, 17, 17);
        default -> {
          s.g.setStroke(new BasicStroke(3));
          s.g.drawRect(x0, y - 17, 17, 17);
          s.g.drawLine(x0, y - 17, x0 + 17, y);
          s.g.drawLine(x0 + 17, y - 17, x0, y);
        }
      }
      marks.add(PageBox.ofCorners(x0, y - 18, x0 + 19, y + 1));
      int x = s.word(labels[i], x0 + 30, y) + 30;
      // a speck between two words of the line, clear of both
      s.g.fill(new Ellipse2D.Double(x, y - 12, 4, 4));
      marks.add(PageBox.ofCorners(x, y - 12, x + 5, y - 7));
      s.word("form", x + 30, y);
    }
    List<DetectedWord> found = s.detect(DocDetectorConfig.defaults());
    assertThat(matched(s.words, found)).isEqualTo(s.words.size());
    for (PageBox m : marks) {
      assertThat(found).as("a word on the mark at %s", m).noneMatch(d -> d.box().iou(m) > 0.3);
    }
    assertThat(found).hasSize(s.words.size());
  }

  @Test
  void faintNoiseIsNotInkButPrintIs() {
    Sheet s = new Sheet(800, 300);
    s.word("Signature", 60, 100);
    s.g.setColor(new Color(200, 200, 200)); // faint smudges: 55 grey levels on white, below the strong offset
    Random r = new Random(9);
    for (int i = 0; i < 60; i++) {
      s.g.fill(new Ellipse2D.Double(300 + r.nextInt(450), 50 + r.nextInt(200), 8, 12));
    }
    s.g.setColor(Color.BLACK);
    DocDetectorConfig config = DocDetectorConfig.defaults().withStrongOffset(60);
    List<DetectedWord> found = s.detect(config);
    assertThat(matched(s.words, found)).isEqualTo(1);
    assertThat(found).hasSize(1);
  }

  @Test
  void componentsOfACheckboxAndOfRoundLetters() {
    Sheet s = new Sheet(400, 300);
    s.g.setStroke(new BasicStroke(2));
    s.g.drawRect(20, 40, 20, 20);
    s.g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
    for (int i = 0; i < 4; i++) {
      s.g.drawString("ODQ0".substring(i, i + 1), 80 + 60 * i, 62);
    }
    s.g.dispose();
    Mat grey = new Mat(300, 400, CvType.CV_8UC1);
    grey.put(0, 0, Preprocessor.grey(s.img));
    List<Blob> blobs = InkComponents.of(grey, DocDetectorConfig.defaults());
    grey.release();
    assertThat(blobs).noneMatch(b -> b.x0() < 50);
    assertThat(blobs.stream().filter(b -> b.x0() >= 70).map(b -> (b.x0() - 80 + 20) / 60).distinct().toList()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void leaderMarksAreFoundAndLettersAreNot() {
    List<Blob> blobs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      blobs.add(new Blob(100 + 8 * i, 50, 103 + 8 * i, 53, 9)); // dots 3x3, 5 apart
    }
    int[] widths = {7, 3, 11, 7, 7, 6};
    int x = 200;
    for (int w : widths) { // letters of a small-print word: heights agree, widths do not
      blobs.add(new Blob(x, 46, x + w, 52, w * 3));
      x += w + 2;
    }
    boolean[] lead = Leaders.find(blobs, 12);
    for (int i = 0; i < blobs.size(); i++) {
      assertThat(lead[i]).as("blob %s", i).isEqualTo(i < 8);
    }
  }

  /** On a synthetic form (a seed of neither the dev nor the held-out set) the form steps raise F. */
  @Test
  void formStepsHelpOnASyntheticForm() throws Exception {
    DocumentSynth synth = DocumentSynth.defaults();
    double on = 0;
    double off = 0;
    for (int page = 0; page < 2; page++) {
      DocPage p = synth.render(31, page, true, DocumentLayout.FORMS);
      List<PageBox> truth = p.words().stream().map((DocWord w) -> new PageBox(w.x(), w.y(), w.w(), w.h())).toList();
      PageImage img = new PageImage("form.png", 1, p.image());
      DocDetectorConfig before = new DocDetectorConfig(12, 0.42, 1.6, 14, true, 0, false, -1);
      on += f(truth, new DocDetector().detect(img));
      off += f(truth, new DocDetector(before).detect(img));
    }
    assertThat(on).isGreaterThan(off + 0.1);
    assertThat(on / 2).isGreaterThan(0.45);
  }

  private static double f(List<PageBox> truth, List<DetectedWord> found) {
    int m = matched(truth, found);
    double p = m / (double) Math.max(1, found.size());
    double r = m / (double) truth.size();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
