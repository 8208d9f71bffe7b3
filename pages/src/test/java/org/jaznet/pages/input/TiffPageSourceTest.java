package org.jaznet.pages.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.plugins.tiff.BaselineTIFFTagSet;
import javax.imageio.plugins.tiff.TIFFDirectory;
import javax.imageio.stream.ImageInputStream;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;
import org.jaznet.pages.input.TestImages.TiffPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TiffPageSourceTest {
  @TempDir Path dir;

  private static BufferedImage bilevel(IndexColorModel cm, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, cm);
    BufferedImage drawn = TestImages.page(BufferedImage.TYPE_BYTE_GRAY, w, h);
    img.createGraphics().drawImage(drawn, 0, 0, null);
    return img;
  }

  private static final IndexColorModel BLACK_IS_ZERO =
      new IndexColorModel(1, 2, new byte[] {0, (byte) 255}, new byte[] {0, (byte) 255}, new byte[] {0, (byte) 255});
  private static final IndexColorModel WHITE_IS_ZERO =
      new IndexColorModel(1, 2, new byte[] {(byte) 255, 0}, new byte[] {(byte) 255, 0}, new byte[] {(byte) 255, 0});

  @Test
  void multiPage_lzwColourAndGroup4Bilevel() throws Exception {
    byte[] tiff =
        TestImages.tiff(
            List.of(
                new TiffPage(TestImages.page(BufferedImage.TYPE_3BYTE_BGR, 80, 60), "LZW"),
                new TiffPage(bilevel(BLACK_IS_ZERO, 120, 90), "CCITT T.6"),
                new TiffPage(TestImages.page(BufferedImage.TYPE_BYTE_GRAY, 50, 40), "Deflate")));
    Path f = Files.write(dir.resolve("scan.tiff"), tiff);
    try (PageSource s = PageSources.open(f, PageLimits.defaults())) {
      assertThat(s).isInstanceOf(TiffPageSource.class);
      assertThat(s.pageCount()).isEqualTo(3);

      PageImage p1 = s.page(1);
      assertThat(p1.id()).isEqualTo(f + "#page=1");
      assertThat(p1.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
      assertThat(p1.width()).isEqualTo(80);
      assertThat(p1.image().getRGB(40, 17) & 0xffffff).isZero();
      assertThat(p1.image().getRGB(1, 1) & 0xffffff).isEqualTo(0xffffff);

      PageImage p2 = s.page(2);
      assertBilevelPage(p2, 120, 90);

      PageImage p3 = s.page(3);
      assertThat(p3.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
      assertThat(p3.height()).isEqualTo(40);

      assertThatThrownBy(() -> s.page(4)).isInstanceOf(PageException.class).hasMessageContaining(f + "#page=4");
    }
  }

  @Test
  void whiteIsZeroBilevel_keepsColours() throws Exception {
    byte[] tiff = TestImages.tiff(List.of(new TiffPage(bilevel(WHITE_IS_ZERO, 64, 64), "CCITT T.6")));
    assertThat(photometric(tiff)).isEqualTo(BaselineTIFFTagSet.PHOTOMETRIC_INTERPRETATION_WHITE_IS_ZERO);
    try (PageSource s = PageSources.open("wiz.tif", tiff, PageLimits.defaults())) {
      assertBilevelPage(s.page(1), 64, 64);
    }
  }

  @Test
  void uncompressedWhiteIsZero_keepsColours() throws Exception {
    byte[] tiff = TestImages.tiff(List.of(new TiffPage(bilevel(WHITE_IS_ZERO, 40, 40), null)));
    assertThat(photometric(tiff)).isEqualTo(BaselineTIFFTagSet.PHOTOMETRIC_INTERPRETATION_WHITE_IS_ZERO);
    try (PageSource s = PageSources.open("wiz-raw.tif", tiff, PageLimits.defaults())) {
      assertBilevelPage(s.page(1), 40, 40);
    }
  }

  private static void assertBilevelPage(PageImage p, int w, int h) {
    assertThat(p.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    assertThat(p.width()).isEqualTo(w);
    assertThat(p.height()).isEqualTo(h);
    int[] px = p.image().getRaster().getSamples(0, 0, w, h, 0, new int[w * h]);
    assertThat(px).containsOnly(0, 255);
    assertThat(p.image().getRaster().getSample(1, 1, 0)).as("white margin").isEqualTo(255);
    assertThat(p.image().getRaster().getSample(w / 2, h / 4 + 1, 0)).as("black bar").isZero();
  }

  private static int photometric(byte[] tiff) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(tiff))) {
      ImageReader r = ImageIO.getImageReadersByFormatName("tiff").next();
      r.setInput(in);
      return TIFFDirectory.createFromMetadata(r.getImageMetadata(0))
          .getTIFFField(BaselineTIFFTagSet.TAG_PHOTOMETRIC_INTERPRETATION)
          .getAsInt(0);
    }
  }

  @Test
  void absurdDeclaredSize_refusedBeforeDecoding() throws Exception {
    byte[] tiff = TestImages.tiff(List.of(new TiffPage(TestImages.page(BufferedImage.TYPE_BYTE_GRAY, 10, 10), null)));
    TiffBytes.setTag(tiff, BaselineTIFFTagSet.TAG_IMAGE_WIDTH, 1_000_000);
    TiffBytes.setTag(tiff, BaselineTIFFTagSet.TAG_IMAGE_LENGTH, 1_000_000);
    try (PageSource s = PageSources.open("absurd.tif", tiff, PageLimits.defaults())) {
      assertThatThrownBy(() -> s.page(1))
          .isInstanceOf(PageException.class)
          .hasMessageContaining("absurd.tif#page=1")
          .hasMessageMatching(".*declared size (1000000x1000000|65535x65535).*")
          .hasMessageContaining(String.valueOf(PageLimits.DEFAULT_MAX_PIXELS));
    }
  }

  @Test
  void stripBeyondEndOfFile_refusedBeforeDecoding() throws Exception {
    byte[] tiff = TestImages.tiff(List.of(new TiffPage(TestImages.page(BufferedImage.TYPE_BYTE_GRAY, 10, 10), "LZW")));
    TiffBytes.setTag(tiff, BaselineTIFFTagSet.TAG_STRIP_BYTE_COUNTS, 0x7fff_fff0L);
    try (PageSource s = PageSources.open("strip.tif", tiff, PageLimits.defaults())) {
      assertThatThrownBy(() -> s.page(1))
          .isInstanceOf(PageException.class)
          .hasMessageContaining("strip.tif#page=1")
          // the JDK plugin refuses it already (it knows the stream length), else our own check does
          .hasMessageMatching(".*(beyond the end|out of stream).*");
    }
  }

  @Test
  void morePagesThanLimit_refused() throws Exception {
    BufferedImage img = TestImages.page(BufferedImage.TYPE_BYTE_GRAY, 8, 8);
    byte[] tiff = TestImages.tiff(List.of(new TiffPage(img, null), new TiffPage(img, null), new TiffPage(img, null)));
    assertThatThrownBy(() -> PageSources.open("three.tif", tiff, new PageLimits(300, 2, 1_000_000)))
        .isInstanceOf(PageException.class)
        .hasMessageContaining("three.tif")
        .hasMessageContaining("more than 2 pages")
        .hasMessageContaining("limit of 2");
  }

  @Test
  void loopingDirectoryChain_refused() throws Exception {
    byte[] tiff = TestImages.tiff(List.of(new TiffPage(TestImages.page(BufferedImage.TYPE_BYTE_GRAY, 8, 8), null)));
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(tiff);
    b.order(tiff[0] == 'I' ? java.nio.ByteOrder.LITTLE_ENDIAN : java.nio.ByteOrder.BIG_ENDIAN);
    int ifd = b.getInt(4);
    int entries = Short.toUnsignedInt(b.getShort(ifd));
    b.putInt(ifd + 2 + 12 * entries, ifd); // next directory: itself
    assertThatThrownBy(() -> PageSources.open("loop.tif", tiff, PageLimits.defaults()))
        .isInstanceOf(PageException.class)
        .hasMessageContaining("loop.tif")
        .hasMessageContaining("loops");
  }

  @Test
  void noDirectory_refused() {
    byte[] tiff = {'I', 'I', 42, 0, 0, 0, 0, 0};
    assertThatThrownBy(
            () -> {
              try (PageSource s = PageSources.open("none.tif", tiff, PageLimits.defaults())) {
                s.page(1);
              }
            })
        .isInstanceOf(PageException.class)
        .hasMessageContaining("none.tif");
  }

  @Test
  void garbageAfterHeader_refused() {
    byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 5, 1, 0, 0, 3};
    assertThatThrownBy(
            () -> {
              try (PageSource s = PageSources.open("bad.tif", tiff, PageLimits.defaults())) {
                s.page(1);
              }
            })
        .isInstanceOf(PageException.class)
        .hasMessageContaining("bad.tif");
  }
}
