package org.jaznet.pages.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MarkFilterTest {
  /** Three lines of five-letter words whose letters are {@code h} high and stand 3 pixels apart. */
  private static List<Blob> letters(int h) {
    List<Blob> out = new ArrayList<>();
    for (int line = 0; line < 3; line++) {
      int y = 100 + line * 3 * h;
      for (int word = 0; word < 4; word++) {
        int x = 50 + word * 120;
        for (int c = 0; c < 5; c++) {
          // x-height and ascender letters: heights h and 0.7 h
          int lh = c % 2 == 0 ? h : (int) (0.7 * h);
          out.add(new Blob(x, y + h - lh, x + 10, y + h));
          x += 13;
        }
      }
    }
    return out;
  }

  @Test
  void specksDoNotPullThePageTextHeightDown() {
    List<Blob> blobs = letters(20);
    Random r = new Random(3);
    // twice as many isolated specks, 4-6 pixels high, scattered below the text
    for (int i = 0; i < 120; i++) {
      int x = (i % 12) * 60 + r.nextInt(20);
      int y = 400 + (i / 12) * 40 + r.nextInt(10);
      int s = 4 + r.nextInt(3);
      blobs.add(new Blob(x, y, x + s, y + s));
    }
    int[] hs = blobs.stream().mapToInt(Blob::h).sorted().toArray();
    assertThat(hs[hs.length / 2]).as("the plain median is a speck's").isLessThanOrEqualTo(6);
    assertThat(MarkFilter.textHeight(blobs)).isBetween(14.0, 20.0);
  }

  @Test
  void textHeightOfCleanTextIsItsLettersAndDegradesGracefully() {
    assertThat(MarkFilter.textHeight(letters(30))).isBetween(21.0, 30.0);
    // lone components, none beside another: the median of all
    assertThat(MarkFilter.textHeight(List.of(new Blob(0, 0, 5, 12), new Blob(200, 200, 205, 230),
        new Blob(500, 500, 505, 508)))).isEqualTo(12);
    assertThat(MarkFilter.textHeight(List.of())).isEqualTo(4);
  }

  @Test
  void bulletsAreSquareAndDenseLettersAreNot() {
    double ch = 20;
    assertThat(MarkFilter.bullet(new Blob(0, 0, 16, 16), ch)).as("a filled box").isTrue();
    assertThat(MarkFilter.bullet(new Blob(0, 0, 16, 16, 200), ch)).as("a round dot").isTrue();
    assertThat(MarkFilter.bullet(new Blob(0, 0, 16, 16, 100), ch)).as("an open box").isFalse();
    assertThat(MarkFilter.bullet(new Blob(0, 0, 11, 20, 180), ch)).as("a dense digit: narrow").isFalse();
    assertThat(MarkFilter.bullet(new Blob(0, 0, 45, 45), ch)).as("a filled square over twice a letter: a picture").isFalse();
  }
}
