package org.jaznet.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.SynthConfig.Recipe.DocumentLook;
import org.jaznet.synth.io.LabelledDataset;
import org.jaznet.synth.io.LabelledImage;
import org.jaznet.synth.run.RunConfig;
import org.jaznet.synth.run.SynthRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Recipe#document()}: printed words on paper with a scanner's and a fax's distortions. */
class DocumentRecipeTest {
  private static final DocumentLook LOOK = DocumentLook.defaults();
  private static SynthEngine engine;

  @BeforeAll
  static void load() throws Exception {
    engine = SynthEngine.create(TestData.config(21).withRecipe(Recipe.document()));
  }

  private static SynthEngine engineWith(DocumentLook look) throws SynthException {
    return SynthEngine.create(TestData.config(21).withRecipe(Recipe.document().withDocumentLook(look)));
  }

  @Test
  void document_twice_equalValueAndOnlyTheDocumentIsADocument() {
    assertThat(Recipe.document()).isEqualTo(Recipe.document());
    assertThat(Recipe.document().isDocument()).isTrue();
    assertThat(Recipe.document().imageExtension()).isEqualTo("png");
    assertThat(Recipe.mjsynth().isDocument()).isFalse();
    assertThat(Recipe.mjsynth().imageExtension()).isEqualTo("jpg");
    assertThat(Recipe.document().curveP()).isZero();
    assertThat(Recipe.document().borderP()).isZero();
    assertThat(Recipe.document().blendSigma()).isZero();
    assertThat(Recipe.document().documentLook().orElseThrow().skewMaxDeg()).isLessThanOrEqualTo(3);
  }

  @Test
  void documentLook_probabilitiesOverOne_namesThem() {
    assertThatThrownBy(() -> LOOK.withFaxP(0.6).withBinariseP(0.6))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binariseP + faxP");
  }

  @Test
  void render_sameSeedTwice_sameBytes() throws Exception {
    SynthEngine again = SynthEngine.create(TestData.config(21).withRecipe(Recipe.document()));
    SynthEngine other = SynthEngine.create(TestData.config(22).withRecipe(Recipe.document()));
    int same = 0;
    for (long i = 0; i < 30; i++) {
      assertThat(again.render(i).jpeg()).as("index %d", i).isEqualTo(engine.render(i).jpeg());
      same += java.util.Arrays.equals(other.render(i).jpeg(), engine.render(i).jpeg()) ? 1 : 0;
    }
    assertThat(same).isZero();
  }

  @Test
  void render_anyIndex_isAWordCropOfItsTextInDarkInkOnLightPaper() throws Exception {
    for (long i = 0; i < 60; i++) {
      SynthSample s = engine.render(i);
      assertThat(s.text()).isEqualTo(engine.textOf(i));
      assertThat(s.lexiconIndex()).isEqualTo(engine.lexicon().indexOf(s.text().toLowerCase(Locale.ROOT)));
      assertThat(s.height()).isEqualTo(32);
      assertThat(s.fileExtension()).isEqualTo("png");
      assertThat(s.charBoxes()).hasSize(s.text().length());
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(s.jpeg()));
      assertThat(img.getWidth()).isEqualTo(s.width());
      assertThat(img.getColorModel().getNumComponents()).isEqualTo(1);
      int dark = 0;
      int darkInBoxes = 0;
      int light = 0;
      for (int y = 0; y < s.height(); y++) {
        for (int x = 0; x < s.width(); x++) {
          int v = s.grey()[y * s.width() + x] & 0xFF;
          if (v < 100) {
            dark++;
            darkInBoxes += inAnyBox(s, x + 0.5f, y + 0.5f, 2) ? 1 : 0;
          } else if (v > 150) {
            light++;
          }
        }
      }
      assertThat(dark).as("index %d '%s' has ink", i, s.text()).isGreaterThan(10);
      assertThat(light).as("index %d: mostly paper", i).isGreaterThan(dark);
      // Speckle may put a few dark pixels anywhere; the ink itself lies in the character boxes.
      assertThat((double) darkInBoxes / dark).as("index %d: dark pixels inside char boxes", i).isGreaterThan(0.95);
    }
  }

  @Test
  void render_alwaysOneBit_imagesHaveOnlyBlackAndWhite() throws Exception {
    List<DocumentLook> looks = List.of(LOOK.withFaxP(0).withBinariseP(1).withAdaptiveShare(0),
        LOOK.withFaxP(0).withBinariseP(1).withAdaptiveShare(1), LOOK.withBinariseP(0).withFaxP(1));
    for (DocumentLook look : looks) {
      SynthEngine e = engineWith(look);
      int oneBit = 0;
      int n = 60;
      for (long i = 0; i < n; i++) {
        SynthSample s = e.render(i);
        TreeSet<Integer> values = new TreeSet<>();
        for (byte b : s.grey()) {
          values.add(b & 0xFF);
        }
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(s.jpeg()));
        byte[] decoded = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        assertThat(decoded).as("the file holds the sample's pixels").isEqualTo(s.grey());
        if (values.size() <= 2) {
          assertThat(values).as("%s index %d", look, i).containsExactly(0, 255);
          oneBit++;
        }
      }
      // The rest are the rare thresholds that would have erased ink: those images stay grey.
      assertThat(oneBit).as("1-bit images of %s", look).isGreaterThanOrEqualTo(n * 95 / 100);
    }
  }

  @Test
  void render_defaults_aboutAQuarterOneBitAsTheProbabilitiesSay() {
    int n = 400;
    int oneBit = 0;
    for (long i = 0; i < n; i++) {
      TreeSet<Integer> values = new TreeSet<>();
      for (byte b : engine.render(i).grey()) {
        values.add(b & 0xFF);
      }
      oneBit += values.size() <= 2 ? 1 : 0;
    }
    double expected = LOOK.binariseP() + LOOK.faxP();
    assertThat((double) oneBit / n).isBetween(expected - 0.07, expected + 0.07);
  }

  @Test
  void synthRun_documentRecipe_writesPngFilesThatReadBackWithTheirLabels(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out");
    new SynthRun(engine, RunConfig.of(12, out)).run((done, total) -> { });
    try (Stream<Path> files = Files.walk(out)) {
      List<String> images = files.map(p -> p.getFileName().toString()).filter(f -> f.matches("\\d+_.*")).toList();
      assertThat(images).hasSize(12).allMatch(f -> f.endsWith(".png"));
    }
    try (LabelledDataset d = LabelledDataset.open(out); Stream<LabelledImage> s = d.images()) {
      List<LabelledImage> all = s.toList();
      assertThat(all).hasSize(12);
      for (int i = 0; i < 12; i++) {
        assertThat(all.get(i).label()).isEqualTo(engine.textOf(i));
        assertThat(all.get(i).bytes()).isEqualTo(engine.render(i).jpeg());
      }
    }
  }

  private static boolean inAnyBox(SynthSample s, float x, float y, float tol) {
    for (CharBox b : s.charBoxes()) {
      float[] r = b.bounds();
      if (x >= r[0] - tol && x <= r[2] + tol && y >= r[1] - tol && y <= r[3] + tol) {
        return true;
      }
    }
    return false;
  }
}
