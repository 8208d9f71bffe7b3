package org.jaznet.pages.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePageSourceTest {
  @TempDir Path dir;

  private PageImage readOnly(String name, byte[] bytes) throws Exception {
    Path f = Files.write(dir.resolve(name), bytes);
    try (PageSource s = PageSources.open(f, PageLimits.defaults())) {
      assertThat(s.pageCount()).isEqualTo(1);
      PageImage p = s.page(1);
      assertThat(p.source()).isEqualTo(f.toString());
      assertThat(p.page()).isEqualTo(1);
      return p;
    }
  }

  @Test
  void greyPng_staysGreyWithSamePixels() throws Exception {
    BufferedImage img = TestImages.page(BufferedImage.TYPE_BYTE_GRAY, 64, 48);
    PageImage p = readOnly("grey.png", TestImages.encode(img, "png"));
    assertThat(p.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    assertThat(p.image().getRaster().getSample(32, 14, 0)).isZero();
    assertThat(p.image().getRaster().getSample(1, 1, 0)).isEqualTo(255);
  }

  @Test
  void rgbPng_becomesBgr() throws Exception {
    BufferedImage img = TestImages.page(BufferedImage.TYPE_INT_RGB, 64, 48);
    img.setRGB(2, 2, 0xff0000);
    PageImage p = readOnly("rgb.png", TestImages.encode(img, "png"));
    assertThat(p.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    assertThat(p.width()).isEqualTo(64);
    assertThat(p.height()).isEqualTo(48);
    assertThat(p.image().getRGB(2, 2) & 0xffffff).isEqualTo(0xff0000);
    assertThat(p.image().getRGB(32, 14) & 0xffffff).isZero();
  }

  @Test
  void jpeg_becomesBgr() throws Exception {
    BufferedImage img = TestImages.page(BufferedImage.TYPE_3BYTE_BGR, 64, 48);
    PageImage p = readOnly("page.jpg", TestImages.encode(img, "jpeg"));
    assertThat(p.image().getType()).isIn(BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY);
    assertThat(p.image().getRGB(32, 14) & 0xff).isLessThan(40);
    assertThat(p.image().getRGB(1, 1) & 0xff).isGreaterThan(215);
  }

  @Test
  void greyJpeg_staysGrey() throws Exception {
    BufferedImage img = TestImages.page(BufferedImage.TYPE_BYTE_GRAY, 64, 48);
    PageImage p = readOnly("grey.jpg", TestImages.encode(img, "jpeg"));
    assertThat(p.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
  }

  @Test
  void bmp_becomesBgr() throws Exception {
    BufferedImage img = TestImages.page(BufferedImage.TYPE_INT_RGB, 33, 21);
    PageImage p = readOnly("page.bmp", TestImages.encode(img, "bmp"));
    assertThat(p.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    assertThat(p.width()).isEqualTo(33);
    assertThat(p.image().getRGB(1, 1) & 0xffffff).isEqualTo(0xffffff);
  }

  @Test
  void rgbaPng_compositedOnWhite() throws Exception {
    BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_INT_ARGB);
    img.setRGB(0, 0, 0x00000000); // transparent black -> white
    img.setRGB(1, 0, 0xff0000ff); // opaque blue
    img.setRGB(2, 0, 0x80000000); // half-transparent black -> mid grey
    img.setRGB(3, 0, 0xffff0000); // opaque red
    PageImage p = readOnly("rgba.png", TestImages.encode(img, "png"));
    assertThat(p.image().getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    assertThat(p.image().getRGB(0, 0) & 0xffffff).isEqualTo(0xffffff);
    assertThat(p.image().getRGB(1, 0) & 0xffffff).isEqualTo(0x0000ff);
    assertThat(p.image().getRGB(2, 0) & 0xff).isBetween(125, 129);
    assertThat(p.image().getRGB(3, 0) & 0xffffff).isEqualTo(0xff0000);
  }

  @Test
  void sixteenBitGreyPng_scaledToEightBits() throws Exception {
    BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_USHORT_GRAY);
    WritableRaster r = img.getRaster();
    r.setSample(0, 0, 0, 0);
    r.setSample(1, 0, 0, 0x8080);
    r.setSample(2, 0, 0, 0xffff);
    PageImage p = readOnly("grey16.png", TestImages.encode(img, "png"));
    assertThat(p.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    assertThat(p.image().getRaster().getSamples(0, 0, 3, 1, 0, new int[3])).containsExactly(0, 128, 255);
  }

  @Test
  void pngOverPixelLimit_refusedFromHeader() throws Exception {
    byte[] png = TestImages.encode(TestImages.page(BufferedImage.TYPE_BYTE_GRAY, 100, 100), "png");
    assertThatThrownBy(() -> PageSources.open("big.png", png, new PageLimits(300, 10, 9_999)))
        .isInstanceOf(PageException.class)
        .hasMessageContaining("big.png#page=1")
        .hasMessageContaining("100x100")
        .hasMessageContaining("9999");
  }

  @Test
  void pngDeclaringAbsurdSize_refusedWithoutDecoding() throws Exception {
    byte[] png = TestImages.encode(TestImages.page(BufferedImage.TYPE_BYTE_GRAY, 10, 10), "png");
    // IHDR data starts at byte 16: width and height, big-endian.
    putIntBe(png, 16, 2_000_000);
    putIntBe(png, 20, 2_000_000);
    assertThatThrownBy(() -> PageSources.open("absurd.png", png, PageLimits.defaults()))
        .isInstanceOf(PageException.class)
        .hasMessageContaining("absurd.png#page=1")
        .hasMessageContaining("2000000x2000000");
  }

  @Test
  void truncatedPng_pageException() throws Exception {
    byte[] png = TestImages.encode(TestImages.page(BufferedImage.TYPE_BYTE_GRAY, 50, 50), "png");
    byte[] cut = java.util.Arrays.copyOf(png, 60);
    assertThatThrownBy(
            () -> {
              try (PageSource s = PageSources.open("cut.png", cut, PageLimits.defaults())) {
                s.page(1);
              }
            })
        .isInstanceOf(PageException.class)
        .hasMessageContaining("cut.png");
  }

  @Test
  void pageTwo_refused() throws Exception {
    byte[] png = TestImages.encode(TestImages.page(BufferedImage.TYPE_BYTE_GRAY, 10, 10), "png");
    try (PageSource s = PageSources.open("one.png", png, PageLimits.defaults())) {
      assertThatThrownBy(() -> s.page(2)).isInstanceOf(PageException.class).hasMessageContaining("one.png#page=2");
    }
  }

  private static void putIntBe(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }
}
