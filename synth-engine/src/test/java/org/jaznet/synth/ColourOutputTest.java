package org.jaznet.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.jaznet.synth.SynthConfig.Recipe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link SynthConfig#colour()}: RGB images whose luma is the grey sample; grey stays the default. */
class ColourOutputTest {
  private static SynthEngine grey;
  private static SynthEngine colour;

  @BeforeAll
  static void load() throws Exception {
    grey = SynthEngine.create(TestData.config(42));
    colour = SynthEngine.create(TestData.config(42).withColour(true));
  }

  @Test
  void render_colour_jpegHasThreeChannelsThatDiffer() throws Exception {
    int tinted = 0;
    for (long i = 0; i < 20; i++) {
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(colour.render(i).jpeg()));
      assertThat(img.getColorModel().getNumComponents()).as("index %d", i).isEqualTo(3);
      tinted += differingPixels(img) > img.getWidth() * img.getHeight() / 10 ? 1 : 0;
    }
    assertThat(tinted).as("images with colour in more than a tenth of the pixels").isGreaterThan(10);
  }

  @Test
  void render_colour_sameTextGeometryAndLumaAsTheGreySample() {
    for (long i = 0; i < 30; i++) {
      SynthSample g = grey.render(i);
      SynthSample c = colour.render(i);
      assertThat(c.text()).isEqualTo(g.text());
      assertThat(c.width()).isEqualTo(g.width());
      assertThat(c.charBoxes()).isEqualTo(g.charBoxes());
      long diff = 0;
      for (int k = 0; k < g.grey().length; k++) {
        diff += Math.abs((g.grey()[k] & 0xFF) - (c.grey()[k] & 0xFF));
      }
      // Clipping and chroma subsampling move the luma a little, never the picture.
      assertThat((double) diff / g.grey().length).as("index %d mean luma difference", i).isLessThan(6);
    }
  }

  @Test
  void render_default_isGreyAndUnchangedByTheColourOption() throws Exception {
    assertThat(TestData.config(42).colour()).isFalse();
    assertThat(SynthConfig.defaults(1).colour()).isFalse();
    SynthEngine off = SynthEngine.create(TestData.config(42).withColour(true).withColour(false));
    for (long i = 0; i < 10; i++) {
      SynthSample s = grey.render(i);
      assertThat(off.render(i).jpeg()).isEqualTo(s.jpeg());
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(s.jpeg()));
      assertThat(img.getColorModel().getNumComponents()).isEqualTo(1);
    }
  }

  @Test
  void render_documentInColour_rgbPngWithLittleColour() throws Exception {
    SynthEngine doc = SynthEngine.create(TestData.config(3).withRecipe(Recipe.document()).withColour(true));
    for (long i = 0; i < 10; i++) {
      SynthSample s = doc.render(i);
      assertThat(s.fileExtension()).isEqualTo("png");
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(s.jpeg()));
      assertThat(img.getColorModel().getNumComponents()).isEqualTo(3);
    }
  }

  private static int differingPixels(BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y);
        int r = (p >> 16) & 0xFF;
        int g = (p >> 8) & 0xFF;
        int b = p & 0xFF;
        n += Math.abs(r - g) > 4 || Math.abs(r - b) > 4 ? 1 : 0;
      }
    }
    return n;
  }
}
