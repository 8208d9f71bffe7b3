package org.jaznet.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  private static final BufferedImage REF = Fixtures.word("hello");

  private static void assertLooksLikeReference(BufferedImage got) {
    assertLooksLikeReference(got, 6.0);
  }

  private static void assertLooksLikeReference(BufferedImage got, double tolerance) {
    assertThat(got.getWidth()).isEqualTo(Fixtures.W);
    assertThat(got.getHeight()).isEqualTo(Fixtures.H);
    assertThat(got.getType()).isIn(BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR);
    assertThat(Fixtures.meanAbsDiff(got, REF)).isLessThan(tolerance);
  }

  @Test
  void decode_greyPng_matchesReference() throws Exception {
    assertLooksLikeReference(ImageDecoder.decode(Fixtures.greyPng(REF)));
  }

  @Test
  void decode_16bitPng_becomes8bitReference() throws Exception {
    assertLooksLikeReference(ImageDecoder.decode(Fixtures.png16(REF)));
  }

  @Test
  void decode_palettePng_matchesReference() throws Exception {
    assertLooksLikeReference(ImageDecoder.decode(Fixtures.palettePng(REF)));
  }

  @Test
  void decode_alphaPng_isCompositedOnWhite() throws Exception {
    assertLooksLikeReference(ImageDecoder.decode(Fixtures.alphaPng(REF)));
  }

  @Test
  void decode_cmykJpeg_matchesReference() throws Exception {
    assertLooksLikeReference(ImageDecoder.decode(Fixtures.cmykJpeg(REF)));
  }

  @Test
  void decode_exifRotatedJpeg_isTurnedUpright() throws Exception {
    assertLooksLikeReference(ImageDecoder.decode(Fixtures.exifRotatedJpeg(REF)));
  }

  @Test
  void decode_animatedGif_usesFirstFrame() throws Exception {
    // the GIF palette quantises the anti-aliased edges; the black second frame would differ by ~200
    assertLooksLikeReference(ImageDecoder.decode(Fixtures.animatedGif(REF)), 12.0);
  }

  @Test
  void decode_bmpAndTiff_matchReference() throws Exception {
    assertLooksLikeReference(ImageDecoder.decode(Fixtures.bmp(REF)));
    assertLooksLikeReference(ImageDecoder.decode(Fixtures.tiff(REF)));
  }

  @Test
  void decode_hugeHeader_refusedBeforeDecoding() {
    assertThatThrownBy(() -> ImageDecoder.decode(Fixtures.pngHeader(50_000, 50_000)))
        .isInstanceOf(ImageRejectedException.class).hasMessageContaining("50000x50000").hasMessageContaining("refused");
    assertThatThrownBy(() -> ImageDecoder.decode(Fixtures.pngHeader(100_000, 1)))
        .isInstanceOf(ImageRejectedException.class).hasMessageContaining("100000x1");
  }

  @Test
  void decode_brokenInputs_rejectedWithReason() throws Exception {
    assertThatThrownBy(() -> ImageDecoder.decode(new byte[0])).hasMessageContaining("empty file");
    assertThatThrownBy(() -> ImageDecoder.decode("just some text".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not an image");
    assertThatThrownBy(() -> ImageDecoder.decode(Fixtures.truncated(Fixtures.rgbJpeg(REF))))
        .hasMessageContaining("truncated JPEG");
    assertThatThrownBy(() -> ImageDecoder.decode(Fixtures.truncated(Fixtures.greyPng(REF))))
        .hasMessageContaining("truncated PNG");
    byte[] corrupt = Fixtures.greyPng(REF);
    for (int i = 40; i < corrupt.length - 20; i++) {
      corrupt[i] = (byte) (i * 31);
    }
    assertThatThrownBy(() -> ImageDecoder.decode(corrupt)).isInstanceOf(ImageRejectedException.class)
        .hasMessageContaining("PNG");
  }

  @Test
  void decode_pngWithBadIhdrCrc_rejected() throws Exception {
    byte[] png = Fixtures.greyPng(REF);
    for (int i = 29; i < 33; i++) {
      png[i] = (byte) ~png[i];
    }
    assertThatThrownBy(() -> ImageDecoder.decode(png)).isInstanceOf(ImageRejectedException.class)
        .hasMessageContaining("CRC mismatch in chunk IHDR");
  }

  @Test
  void crop_boxOutside_rejected() throws Exception {
    BufferedImage img = ImageDecoder.decode(Fixtures.greyPng(REF));
    assertThat(ImageDecoder.crop(img, new Box(10, 4, 50, 20)).getWidth()).isEqualTo(50);
    assertThatThrownBy(() -> ImageDecoder.crop(img, new Box(90, 0, 20, 10)))
        .hasMessageContaining("box 90,0,20,10 lies outside the 100x32 image");
  }
}
