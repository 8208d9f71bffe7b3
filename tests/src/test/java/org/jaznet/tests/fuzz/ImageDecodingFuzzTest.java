package org.jaznet.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.jaznet.pipeline.io.ImageDecoder;
import org.jaznet.pipeline.io.ImageHeader;
import org.jaznet.pipeline.io.ImageRejectedException;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.preprocess.Preprocessor;

/**
 * The two decoders of image bytes from outside: the pipeline's {@link ImageDecoder} (documented
 * exception {@link ImageRejectedException}) and the recognizer's {@link Preprocessor#toInput(Path)}
 * ({@link RecognizerException}). Seeds are tiny PNG (8-bit, 16-bit, alpha, palette), JPEG, GIF, BMP,
 * TIFF and PGM files.
 */
class ImageDecodingFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void decode_anyBytes_imageOrRejected(byte[] bytes) {
    ImageHeader header = ImageHeader.probe(bytes);
    assertThat(header.format()).isNotNull();
    try {
      BufferedImage img = ImageDecoder.decode(bytes);
      assertThat(img.getWidth()).isBetween(1, (int) ImageDecoder.MAX_SIDE);
      assertThat(img.getHeight()).isBetween(1, (int) ImageDecoder.MAX_SIDE);
      assertThat(img.getType()).isIn(BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_3BYTE_BGR);
    } catch (ImageRejectedException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "5m")
  void toInput_anyFile_tensorOrRecognizerException(byte[] bytes) {
    Path file = FuzzFiles.write("image.bin", bytes);
    try {
      float[] x = Preprocessor.toInput(file);
      assertThat(x).hasSize(Preprocessor.SIZE);
      for (float v : x) {
        assertThat(Float.isFinite(v)).as("finite input").isTrue();
      }
    } catch (RecognizerException e) {
      assertThat(e.getMessage()).contains(file.toString());
    }
  }
}
