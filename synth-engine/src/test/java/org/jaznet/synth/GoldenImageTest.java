package org.jaznet.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jaznet.synth.SynthConfig.Recipe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A few fixed configurations compared with PNGs under src/test/resources/synth/golden, with a
 * tolerance (JPEG and font rasterisers may differ by a grey level here and there across platforms).
 * Regenerate after an intended change of the look with {@code -Djaznet.golden.update=true}: the PNGs are
 * then written to the source tree (look at them before committing).
 */
class GoldenImageTest {
  private static final Path SOURCE_GOLDEN = Path.of("src/test/resources/synth/golden");

  @ParameterizedTest
  @CsvSource({"full,1,0", "full,1,5", "full,2,17", "plain,3,0", "plain,3,9", "lower-words,4,3"})
  void render_fixedConfig_matchesGoldenImage(String variant, long seed, long index) throws Exception {
    SynthConfig config = TestData.config(seed);
    config = switch (variant) {
      case "plain" -> config.withRecipe(Recipe.mjsynth().withoutEffects());
      case "lower-words" -> config.withCaseMode(CaseMode.LOWER).withRandomStringRatio(0);
      default -> config;
    };
    SynthSample s = SynthEngine.create(config).render(index);
    String name = variant + "-" + seed + "-" + index + ".png";
    if (Boolean.getBoolean("jaznet.golden.update")) {
      Files.createDirectories(SOURCE_GOLDEN);
      ImageIO.write(toImage(s), "png", SOURCE_GOLDEN.resolve(name).toFile());
      return;
    }
    BufferedImage golden = read(TestData.dir().resolve("golden").resolve(name));
    assertThat(golden.getWidth()).as("width of " + name).isEqualTo(s.width());
    assertThat(golden.getHeight()).as("height of " + name).isEqualTo(s.height());
    byte[] g = ((DataBufferByte) golden.getRaster().getDataBuffer()).getData();
    long sum = 0;
    int over = 0;
    for (int i = 0; i < g.length; i++) {
      int d = Math.abs((g[i] & 0xFF) - (s.grey()[i] & 0xFF));
      sum += d;
      over += d > 24 ? 1 : 0;
    }
    assertThat((double) sum / g.length).as("mean abs difference to " + name).isLessThan(2.0);
    assertThat(over).as("pixels off by > 24 in " + name).isLessThanOrEqualTo(g.length / 100);
  }

  private static BufferedImage toImage(SynthSample s) {
    BufferedImage img = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setDataElements(0, 0, s.width(), s.height(), s.grey());
    return img;
  }

  private static BufferedImage read(Path p) throws IOException {
    BufferedImage img = ImageIO.read(p.toFile());
    if (img == null) {
      throw new IOException("not an image: " + p + " (regenerate with -Djaznet.golden.update=true)");
    }
    if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return img;
    }
    BufferedImage g = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    g.getGraphics().drawImage(img, 0, 0, null);
    return g;
  }
}
