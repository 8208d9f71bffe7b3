package org.jaznet.pages.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageResult;
import org.junit.jupiter.api.Test;

class TextPageWriterTest {

  @Test
  void write_linesBlocksAndPages() {
    assertThat(Fixtures.string(PageFormat.TEXT, Fixtures.twoPages()))
        .isEqualTo("Hello world\nsecond line\n\nTotal: 42\n\f");
  }

  @Test
  void write_formFeedBetweenPagesOnly() {
    DocumentResult doc = new DocumentResult("x", List.of(
        new PageResult(1, 10, 10, List.of(Fixtures.word(0, 0, 1, 1, "a", 1, 1, 1))),
        new PageResult(2, 10, 10, List.of(Fixtures.word(0, 0, 1, 1, "b", 1, 1, 1), Fixtures.word(2, 0, 1, 1, "c", 1, 1, 1)))));
    assertThat(Fixtures.string(PageFormat.TEXT, doc)).isEqualTo("a\n\fb c\n");
  }

  @Test
  void write_noPagesIsEmpty() {
    assertThat(Fixtures.string(PageFormat.TEXT, new DocumentResult("x", List.of()))).isEmpty();
  }

  @Test
  void write_utf8_lineBreaksInWordsBecomeSpaces_loneSurrogatesDropped() {
    String text = Fixtures.string(PageFormat.TEXT, Fixtures.oneWord("s", "\u00E9t\u00E9\n\uD83D\uDE00\r\f\u2028x\uD800"));
    assertThat(text).isEqualTo("\u00E9t\u00E9 \uD83D\uDE00   x\n");
  }

  @Test
  void write_blockNumberThatComesBackStartsANewBlock() {
    DocumentResult doc = new DocumentResult("x", List.of(new PageResult(1, 10, 10, List.of(
        Fixtures.word(0, 0, 1, 1, "a", 1, 1, 1),
        Fixtures.word(0, 2, 1, 1, "b", 1, 2, 2),
        Fixtures.word(0, 4, 1, 1, "c", 1, 3, 1)))));
    assertThat(Fixtures.string(PageFormat.TEXT, doc)).isEqualTo("a\n\nb\n\nc\n");
  }
}
