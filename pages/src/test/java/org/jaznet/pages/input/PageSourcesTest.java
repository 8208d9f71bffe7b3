package org.jaznet.pages.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jaznet.pages.PageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageSourcesTest {
  @TempDir Path dir;

  @Test
  void sniff_recognisesMagicBytes() {
    assertThat(InputFormat.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}))
        .contains(InputFormat.PNG);
    assertThat(InputFormat.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}))
        .contains(InputFormat.JPEG);
    assertThat(InputFormat.sniff(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0})).contains(InputFormat.TIFF);
    assertThat(InputFormat.sniff(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8})).contains(InputFormat.TIFF);
    assertThat(InputFormat.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(InputFormat.PDF);
    assertThat(InputFormat.sniff("junk\n%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
        .contains(InputFormat.PDF);
    assertThat(InputFormat.sniff(new byte[30])).isEmpty();
    assertThat(InputFormat.sniff(new byte[0])).isEmpty();
  }

  @Test
  void open_unknownFormat_namesSourceAndFormats() {
    assertThatThrownBy(
            () -> PageSources.open("notes.png", "hello".getBytes(StandardCharsets.US_ASCII), PageLimits.defaults()))
        .isInstanceOf(PageException.class)
        .hasMessageContaining("notes.png")
        .hasMessageContaining("not a PNG, JPEG, TIFF, BMP or PDF file");
  }

  @Test
  void open_emptyFile_refused() throws Exception {
    Path f = Files.write(dir.resolve("empty.tif"), new byte[0]);
    assertThatThrownBy(() -> PageSources.open(f, PageLimits.defaults()))
        .isInstanceOf(PageException.class)
        .hasMessageContaining(f.toString());
  }

  @Test
  void open_missingFile_refused() {
    Path f = dir.resolve("missing.png");
    assertThatThrownBy(() -> PageSources.open(f, PageLimits.defaults()))
        .isInstanceOf(PageException.class)
        .hasMessageContaining(f.toString());
  }

  @Test
  void open_formatFromContentNotExtension() throws Exception {
    byte[] png = TestImages.encode(TestImages.page(BufferedImage.TYPE_BYTE_GRAY, 40, 30), "png");
    Path f = Files.write(dir.resolve("really-a-png.pdf"), png);
    try (PageSource s = PageSources.open(f, PageLimits.defaults())) {
      assertThat(s).isInstanceOf(ImagePageSource.class);
      assertThat(s.source()).isEqualTo(f.toString());
      assertThat(s.page(1).width()).isEqualTo(40);
    }
  }
}
