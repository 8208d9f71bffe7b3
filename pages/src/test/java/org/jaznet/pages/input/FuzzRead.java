package org.jaznet.pages.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;

/**
 * The check shared by the page-reader fuzz targets: {@link PageSources#open} and the first pages of
 * arbitrary bytes give valid pages or a {@link PageException} naming the source, nothing else.
 */
final class FuzzRead {
  /** Small limits, so that a fuzzed header cannot make one execution slow. */
  static final PageLimits LIMITS = new PageLimits(36, 4, 1_000_000);
  private static final String SOURCE = "fuzz-input";

  private FuzzRead() {}

  static void openAndRead(byte[] bytes) {
    try (PageSource s = PageSources.open(SOURCE, bytes, LIMITS)) {
      assertThat(s.source()).isEqualTo(SOURCE);
      assertThat(s.pageCount()).isBetween(1, LIMITS.maxPages());
      for (int i = 1; i <= Math.min(2, s.pageCount()); i++) {
        readPage(s, i);
      }
    } catch (PageException e) {
      assertThat(e.getMessage()).contains(SOURCE);
    }
  }

  private static void readPage(PageSource s, int i) {
    try {
      PageImage p = s.page(i);
      assertThat(p.page()).isEqualTo(i);
      assertThat((long) p.width() * p.height()).isBetween(1L, LIMITS.maxPixels());
      assertThat(p.image().getType()).isIn(BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR);
    } catch (PageException e) {
      assertThat(e.getMessage()).contains(SOURCE + "#page=" + i);
    }
  }
}
