package org.jaznet.synth.font;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FontCatalogTest {
  @Test
  void load_testFonts_findsBothFacesAndFamilies() throws Exception {
    FontCatalog c = FontCatalog.load(TestData.fonts());
    assertThat(c.faces()).hasSize(2);
    assertThat(c.familyCount()).isEqualTo(2);
    assertThat(c.skipped()).isZero();
    assertThat(c.faces()).anyMatch(f -> f.bold() && f.family().contains("Serif"));
  }

  @Test
  void load_corruptFontAmongGoodOnes_skipsAndCountsIt(@TempDir Path dir) throws Exception {
    Files.copy(TestData.fonts().resolve("DejaVuSans.ttf"), dir.resolve("good.ttf"));
    Files.write(dir.resolve("broken.ttf"), new byte[] {0, 1, 0, 0, 9, 9, 9});
    FontCatalog c = FontCatalog.load(dir);
    assertThat(c.faces()).hasSize(1);
    assertThat(c.skipped()).isEqualTo(1);
  }

  @Test
  void load_onlyCorruptFonts_throwsNamingTheDirectory(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("broken.otf"), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> FontCatalog.load(dir)).isInstanceOf(SynthException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("no usable");
  }

  @Test
  void load_missingDirectory_throwsNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> FontCatalog.load(missing)).isInstanceOf(SynthException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void pick_anyWord_returnsAFaceCoveringIt() throws Exception {
    FontCatalog c = FontCatalog.load(TestData.fonts());
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 50; i++) {
      FontChoice f = c.pick("Hello42", 0.5, 0.2, r);
      assertThat(f.face().covers("Hello42")).isTrue();
      assertThat(c.faces().get(f.faceIndex())).isEqualTo(f.face());
    }
  }

  @Test
  void pick_boldWanted_usesTheBoldFaceOrSynthesisesIt() throws Exception {
    FontCatalog c = FontCatalog.load(TestData.fonts());
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < 50; i++) {
      FontChoice f = c.pick("word", 1, 0, r);
      assertThat(f.face().bold() || f.syntheticBold()).isTrue();
      assertThat(f.syntheticItalic()).isFalse();
    }
  }

  @Test
  void pick_characterNoFaceHas_throwsNamingTheText() throws Exception {
    FontCatalog c = FontCatalog.load(TestData.fonts());
    assertThatThrownBy(() -> c.pick("ab\u4E2D", 0, 0, new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ab\u4E2D");
  }
}
