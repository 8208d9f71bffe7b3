package org.jaznet.pages.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfPageSourceTest {
  @TempDir Path dir;

  @Test
  void threePages_renderedAt150DpiWithExpectedSize() throws Exception {
    Path f = Files.write(dir.resolve("doc.pdf"), TestPdfs.text(3, PDRectangle.A4));
    try (PageSource s = PageSources.open(f, PageLimits.defaults().withDpi(150))) {
      assertThat(s).isInstanceOf(PdfPageSource.class);
      assertThat(s.pageCount()).isEqualTo(3);
      for (int i = 1; i <= 3; i++) {
        PageImage p = s.page(i);
        assertThat(p.id()).isEqualTo(f + "#page=" + i);
        assertThat(p.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        // A4 is 595.28 x 841.89 pt; at 150 dpi: floor(x * 150 / 72)
        assertThat(p.width()).isEqualTo(1240);
        assertThat(p.height()).isEqualTo(1753);
        assertThat(darkPixels(p.image())).as("text drawn on page %s", i).isGreaterThan(100);
      }
      assertThatThrownBy(() -> s.page(4)).isInstanceOf(PageException.class).hasMessageContaining(f + "#page=4");
    }
  }

  @Test
  void rotatedPage_sidesSwapped() throws Exception {
    byte[] pdf = TestPdfs.rotated(new PDRectangle(144, 72), 90);
    try (PageSource s = PageSources.open("rot.pdf", pdf, PageLimits.defaults().withDpi(72))) {
      PageImage p = s.page(1);
      assertThat(p.width()).isEqualTo(72);
      assertThat(p.height()).isEqualTo(144);
    }
  }

  @Test
  void encryptedWithUserPassword_refused() throws Exception {
    byte[] pdf = TestPdfs.encrypted(1);
    assertThatThrownBy(() -> PageSources.open("secret.pdf", pdf, PageLimits.defaults()))
        .isInstanceOf(PageException.class)
        .hasMessageContaining("secret.pdf")
        .hasMessageContaining("encrypted");
  }

  @Test
  void garbagePdf_refusedAsMalformed() {
    byte[] pdf = "%PDF-1.7\nthis is no PDF at all \u0000\u0001\u0002".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> PageSources.open("garbage.pdf", pdf, PageLimits.defaults()))
        .isInstanceOf(PageException.class)
        .hasMessageContaining("garbage.pdf")
        .hasMessageContaining("PDF");
  }

  @Test
  void truncatedPdf_refused() throws Exception {
    byte[] pdf = Arrays.copyOf(TestPdfs.text(1, PDRectangle.A6), 40);
    assertThatThrownBy(
            () -> {
              try (PageSource s = PageSources.open("cut.pdf", pdf, PageLimits.defaults())) {
                s.page(1);
              }
            })
        .isInstanceOf(PageException.class)
        .hasMessageContaining("cut.pdf");
  }

  @Test
  void giantMediaBox_refusedBeforeRendering() throws Exception {
    // 14400 pt (200 in, the PDF maximum) square: 60000 x 60000 px at 300 dpi.
    byte[] pdf = TestPdfs.text(1, new PDRectangle(14_400, 14_400));
    long start = System.nanoTime();
    try (PageSource s = PageSources.open("poster.pdf", pdf, PageLimits.defaults())) {
      assertThatThrownBy(() -> s.page(1))
          .isInstanceOf(PageException.class)
          .hasMessageContaining("poster.pdf#page=1")
          .hasMessageContaining("60000x60000")
          .hasMessageContaining(String.valueOf(PageLimits.DEFAULT_MAX_PIXELS));
    }
    assertThat((System.nanoTime() - start) / 1e9).as("seconds: refused, not rendered").isLessThan(10);
  }

  @Test
  void morePagesThanLimit_refused() throws Exception {
    byte[] pdf = TestPdfs.text(3, PDRectangle.A6);
    assertThatThrownBy(() -> PageSources.open("long.pdf", pdf, new PageLimits(72, 2, 1_000_000)))
        .isInstanceOf(PageException.class)
        .hasMessageContaining("long.pdf")
        .hasMessageContaining("3 pages")
        .hasMessageContaining("limit of 2");
  }

  private static int darkPixels(BufferedImage grey) {
    int n = 0;
    int[] row = new int[grey.getWidth()];
    for (int y = 0; y < grey.getHeight(); y++) {
      grey.getRaster().getSamples(0, y, grey.getWidth(), 1, 0, row);
      for (int v : row) {
        if (v < 128) {
          n++;
        }
      }
    }
    return n;
  }
}
