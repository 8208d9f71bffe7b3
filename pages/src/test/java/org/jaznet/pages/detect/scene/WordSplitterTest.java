package org.jaznet.pages.detect.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jaznet.pages.PageBox;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

class WordSplitterTest {
  @BeforeAll
  static void opencv() {
    Preprocessor.loadOpenCv();
  }

  /** A 400 x 120 page of {@code background} with two words of {@code ink} on one line. */
  private static Mat twoWords(int background, int ink) {
    Mat page = new Mat(120, 400, CvType.CV_8UC1, new Scalar(background));
    Imgproc.putText(page, "HOTEL", new Point(30, 75), Imgproc.FONT_HERSHEY_SIMPLEX, 1.2, new Scalar(ink), 3);
    Imgproc.putText(page, "Paris", new Point(200, 75), Imgproc.FONT_HERSHEY_SIMPLEX, 1.2, new Scalar(ink), 3);
    return page;
  }

  @Test
  void aLineBoxSplitsIntoItsWordsFittedToTheInk_darkOnBright() {
    List<PageBox> words = WordSplitter.split(twoWords(220, 30), new PageBox(10, 20, 360, 80), WordSplitter.Config.DEFAULT);
    assertWords(words);
  }

  @Test
  void brightTextOnDarkSplitsTheSameWay() {
    List<PageBox> words = WordSplitter.split(twoWords(25, 235), new PageBox(10, 20, 360, 80), WordSplitter.Config.DEFAULT);
    assertWords(words);
  }

  private static void assertWords(List<PageBox> words) {
    assertThat(words).hasSize(2);
    PageBox hotel = words.get(0);
    PageBox paris = words.get(1);
    // HOTEL starts at x=30 and its capitals stand on y=75, about 26 px high at this scale
    assertThat(hotel.x()).isBetween(28, 34);
    assertThat(hotel.bottom()).isBetween(74, 79);
    assertThat(hotel.y()).isBetween(44, 52);
    assertThat(hotel.right()).isLessThan(paris.x());
    assertThat(paris.x()).isBetween(198, 204);
    assertThat(paris.right()).isLessThan(330);
  }

  @Test
  void oneWordStaysOneWord() {
    Mat page = new Mat(120, 400, CvType.CV_8UC1, new Scalar(200));
    Imgproc.putText(page, "Resilience", new Point(40, 75), Imgproc.FONT_HERSHEY_SIMPLEX, 1.2, new Scalar(20), 3);
    List<PageBox> words = WordSplitter.split(page, new PageBox(20, 20, 340, 80), WordSplitter.Config.DEFAULT);
    assertThat(words).hasSize(1);
    assertThat(words.get(0).x()).isBetween(38, 44);
  }

  @Test
  void aBoxWithoutInkIsKeptAsItWas() {
    Mat page = new Mat(120, 400, CvType.CV_8UC1, new Scalar(128));
    PageBox box = new PageBox(10, 20, 360, 80);
    assertThat(WordSplitter.split(page, box, WordSplitter.Config.DEFAULT)).containsExactly(box);
  }

  @Test
  void aBoxAtThePageCornerIsSearchedInsideThePage() {
    Mat page = twoWords(220, 30);
    List<PageBox> words = WordSplitter.split(page, new PageBox(0, 0, 400, 120), WordSplitter.Config.DEFAULT);
    assertThat(words).hasSize(2);
    assertThat(words).allSatisfy(w -> assertThat(w.right()).isLessThanOrEqualTo(400));
  }
}
