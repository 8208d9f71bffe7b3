package org.jaznet.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jaznet.synth.font.FontCatalog;
import org.jaznet.synth.font.FontFace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Print forms ({@code printRatio}) rendered with the project's own fonts, dictionary and backgrounds. */
class PrintFormsRenderTest {
  private static final String PUNCTUATION = ".,;:!?'\"-()[]/&%$\u20ac\u00a3@#+*=";
  private static final String SYMBOLS =
      "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" + PUNCTUATION;
  private static SynthEngine engine;

  @BeforeAll
  static void load() throws Exception {
    engine = SynthEngine.create(SynthConfig.defaults(2026).withPrintRatio(1));
  }

  @Test
  void render_200PrintFormsWithTheProjectFonts_labelIsTheText() {
    int currency = 0;
    for (long i = 0; i < 200; i++) {
      SynthSample s = engine.render(i);
      String t = s.text();
      assertThat(t).isEqualTo(engine.textOf(i));
      assertThat(t.length()).isBetween(1, 23);
      assertThat(t.chars().allMatch(c -> SYMBOLS.indexOf(c) >= 0)).as(t).isTrue();
      assertThat(t).as("a print form").matches(".*[^0-9A-Za-z].*|[0-9]{1,2}(am|pm|AM|PM)");
      assertThat(s.height()).isEqualTo(32);
      assertThat(s.jpeg()).isNotEmpty();
      assertThat(s.charBoxes()).hasSize(t.length());
      for (int k = 0; k < t.length(); k++) {
        assertThat(s.charBoxes().get(k).ch()).isEqualTo(t.charAt(k));
      }
      currency += t.matches(".*[\u20ac\u00a3$].*") ? 1 : 0;
    }
    assertThat(currency).as("prices among 200 print forms").isGreaterThan(3);
  }

  @Test
  void fonts_projectFaces_everyPrintSymbolTheyClaimHasARealGlyph() {
    FontRenderContext frc = new FontRenderContext(null, true, true);
    int lackEuro = 0;
    for (FontFace face : engine.fonts().faces()) {
      Font font = face.font().deriveFont(40f);
      int missing = font.getMissingGlyphCode();
      for (char c : PUNCTUATION.toCharArray()) {
        if (!face.covers(String.valueOf(c))) {
          lackEuro += c == '\u20ac' ? 1 : 0;
          continue;
        }
        GlyphVector gv = font.createGlyphVector(frc, String.valueOf(c));
        Shape outline = gv.getGlyphOutline(0);
        assertThat(gv.getGlyphCode(0)).as("%s '%s'", face.file().getFileName(), c).isNotEqualTo(missing);
        assertThat(outline.getBounds2D().isEmpty()).as("%s '%s' has no ink", face.file().getFileName(), c).isFalse();
      }
    }
    // one shipped face (Breip) has no euro sign: the catalog must route euro texts elsewhere
    assertThat(lackEuro).isPositive();
  }

  @Test
  void render_fontsWithoutEuro_drawsAnotherTextInsteadOfTofu(@TempDir Path dir) throws Exception {
    Path breip;
    try (var files = Files.list(ProjectPaths.fonts())) {
      breip = files.filter(f -> f.getFileName().toString().contains("Breip")).findFirst().orElseThrow();
    }
    Files.copy(breip, dir.resolve(breip.getFileName()));
    SynthEngine noEuro = SynthEngine.create(SynthConfig.defaults(2026).withPrintRatio(1).withFontsDir(dir));
    assertThat(noEuro.fonts().canDisplay("\u20ac5")).isFalse();
    assertThat(FontCatalog.load(ProjectPaths.fonts()).canDisplay("\u20ac5")).isTrue();
    int euroIndices = 0;
    for (long i = 0; i < 400; i++) {
      String full = engine.textOf(i);
      String t = noEuro.textOf(i);
      if (full.indexOf('\u20ac') >= 0) {
        euroIndices++;
        assertThat(t).doesNotContain("\u20ac");
        SynthSample s = noEuro.render(i);
        assertThat(s.text()).isEqualTo(t);
        assertThat(s.charBoxes()).hasSize(t.length());
      } else {
        // only texts no face displays are redrawn
        assertThat(t).isEqualTo(full);
      }
    }
    assertThat(euroIndices).isPositive();
  }
}
