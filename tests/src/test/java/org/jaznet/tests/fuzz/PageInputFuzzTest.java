package org.jaznet.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.awt.image.BufferedImage;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;
import org.jaznet.pages.input.PageLimits;
import org.jaznet.pages.input.PageSource;
import org.jaznet.pages.input.PageSources;

/**
 * The page readers on bytes from outside: any bytes open as a page file whose pages decode, or are
 * refused with a {@link PageException} naming the input. Limits are small so that a declared size can
 * never make a run allocate much. Seeds: a two-page TIFF (LZW and CCITT T.6), a PDF of two pages, a
 * PNG page.
 */
class PageInputFuzzTest {
  private static final PageLimits LIMITS = new PageLimits(72, 8, 4_000_000);

  @FuzzTest(maxDuration = "5m")
  void open_anyBytes_pagesOrPageException(byte[] bytes) {
    try (PageSource src = PageSources.open("fuzz.bin", bytes, LIMITS)) {
      assertThat(src.pageCount()).isBetween(1, LIMITS.maxPages());
      for (int p = 1; p <= src.pageCount(); p++) {
        try {
          PageImage img = src.page(p);
          assertThat((long) img.width() * img.height()).isLessThanOrEqualTo(LIMITS.maxPixels());
          assertThat(img.image().getType()).isIn(BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR);
        } catch (PageException e) {
          assertThat(e.getMessage()).contains("fuzz.bin#page=" + p);
        }
      }
    } catch (PageException e) {
      assertThat(e.getMessage()).contains("fuzz.bin");
    }
  }
}
