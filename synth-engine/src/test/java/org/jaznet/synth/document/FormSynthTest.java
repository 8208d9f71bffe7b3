package org.jaznet.synth.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.awt.geom.AffineTransform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.ProjectPaths;
import org.jaznet.synth.font.FontCatalog;
import org.jaznet.synth.raster.GreyRaster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormSynthTest {
  private static DocumentSynth synth;
  private static FontCatalog fonts;

  @BeforeAll
  static void load() throws Exception {
    fonts = FontCatalog.load(ProjectPaths.fonts());
    synth = new DocumentSynth(fonts, Lexicon.read(ProjectPaths.defaultDictionary()));
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void formsSameSeedSameBytes(@TempDir Path dir) throws Exception {
    DocumentConfig forms = DocumentConfig.of(DocumentLayout.FORMS);
    synth.writeSet(dir.resolve("a"), 2, 7, forms);
    synth.writeSet(dir.resolve("b"), 2, 7, forms);
    for (String f : List.of("images/page-00001.png", "images/page-00002.png", "words.jsonl")) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f))).as(f).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
    DocPage p1 = synth.render(7, 1, true, DocumentLayout.FORMS);
    assertThat(GreyRaster.png(p1.image())).isEqualTo(Files.readAllBytes(dir.resolve("a/images/page-00002.png")));
    assertThat(synth.render(8, 1, true, DocumentLayout.FORMS).words()).isNotEqualTo(p1.words());
    // a form page is not the text page of the same seed and index
    assertThat(synth.render(7, 1, true).words()).isNotEqualTo(p1.words());
  }

  /** The TEXT output is byte for byte what it was before forms existed (hashes taken before the change). */
  @Test
  void textPagesAreUnchanged() throws Exception {
    DocPage p = synth.render(9001, 0, true);
    assertThat(sha256(GreyRaster.png(p.image())))
        .isEqualTo("9b666a80b9de77dfa4b4e0ff620a57fb932625409ae27164197901df149b6e1b");
    assertThat(sha256((DocumentSynth.jsonLine("page-00001.png", p.words()) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo("89b39d1704831823a89e88667ab8688c173c48de757dc1d7e6efff863338df5e");
    assertThat(sha256(GreyRaster.png(synth.render(9001, 1, true, DocumentLayout.TEXT).image())))
        .isEqualTo("febf15b9bed8020175e69024e8723b26c26537be9fa14eefe4b98ecd493fc16a");
  }

  @Test
  void mixedPagesAreTextOrFormPagesOfTheSameSeed() {
    DocumentConfig mixed = DocumentConfig.of(DocumentLayout.MIXED);
    int forms = 0;
    for (int i = 0; i < 40; i++) {
      forms += DocumentSynth.layoutOf(3, i, mixed) == DocumentLayout.FORMS ? 1 : 0;
    }
    assertThat(forms).isBetween(10, 30);
    assertThat(DocumentSynth.layoutOf(3, 0, new DocumentConfig(DocumentLayout.MIXED, 0))).isEqualTo(DocumentLayout.TEXT);
    assertThat(DocumentSynth.layoutOf(3, 0, new DocumentConfig(DocumentLayout.MIXED, 1))).isEqualTo(DocumentLayout.FORMS);
    int i = 0;
    while (DocumentSynth.layoutOf(3, i, mixed) != DocumentLayout.TEXT) {
      i++;
    }
    assertThat(synth.render(3, i, false, DocumentLayout.MIXED).words()).isEqualTo(synth.render(3, i, false).words());
    assertThatThrownBy(() -> new DocumentConfig(DocumentLayout.MIXED, 1.5)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formWordsAreInsideThePageAndLookLikeWords() {
    for (int page = 0; page < 3; page++) {
      for (boolean scanned : new boolean[] {false, true}) {
        DocPage p = synth.render(5, page, scanned, DocumentLayout.FORMS);
        int w = p.image().getWidth();
        int h = p.image().getHeight();
        assertThat(p.words()).hasSizeGreaterThan(40);
        for (DocWord d : p.words()) {
          assertThat(d.x() + d.w()).as("%s", d).isLessThanOrEqualTo(w);
          assertThat(d.y() + d.h()).as("%s", d).isLessThanOrEqualTo(h);
          assertThat(d.text()).isNotBlank().doesNotContain(" ");
          // no rule, leader or frame passes for a word: nothing flat and long, nothing a column high
          assertThat(d.h() <= 3 && d.w() > 30).as("flat box %s", d).isFalse();
          assertThat(d.h()).as("%s", d).isLessThan(h / 8);
        }
      }
    }
  }

  /** A word's box is its own ink: an underline through its descenders or a frame round it adds nothing. */
  @Test
  void rulesTouchingAWordAreNotPartOfItsBox() {
    Font font = fonts.faces().get(0).font().deriveFont(30f);
    PageCanvas plain = new PageCanvas(fonts, 400, 200);
    plain.draw("jumpy", font, 0, 50, 100);
    plain.finish();
    DocWord alone = plain.words(new AffineTransform()).get(0);

    PageCanvas ruled = new PageCanvas(fonts, 400, 200);
    ruled.draw("jumpy", font, 0, 50, 100);
    FormMarks.hline(ruled, 20, 380, 102, 2); // through the descenders of j, p, y
    FormMarks.vline(ruled, 48, 60, 130, 2); // touching the j
    FormMarks.checkbox(ruled, 10, 80, 20, 1, 1);
    FormMarks.leader(ruled, 200, 380, 100, 2, 5, false);
    ruled.finish();
    List<DocWord> words = ruled.words(new AffineTransform());
    assertThat(words).containsExactly(alone);
    // and the rules are on the page: ink under the word's box that belongs to no word
    assertThat(ruled.coverage[103 * 400 + 300]).isGreaterThan(200);
    assertThat(ruled.coverage[99 * 400 + 201]).isGreaterThan(100); // a leader dot
  }

  @Test
  void wearTrimsBoxesToTheInkLeft() {
    Font font = fonts.faces().get(0).font().deriveFont(30f);
    PageCanvas c = new PageCanvas(fonts, 300, 120);
    c.draw("mimic", font, 0, 20, 80);
    c.finish();
    DocWord before = c.words(new AffineTransform()).get(0);
    FormScan.wear(c, new java.util.SplittableRandom(1));
    for (DocWord d : c.words(new AffineTransform())) {
      assertThat(d.x()).isGreaterThanOrEqualTo(before.x());
      assertThat(d.x() + d.w()).isLessThanOrEqualTo(before.x() + before.w());
      for (int k = 0; k < c.drawn.get(0).inkPixels().length; k += 2) {
        int[] px = c.drawn.get(0).inkPixels();
        assertThat(c.coverage[px[k + 1] * 300 + px[k]]).isGreaterThanOrEqualTo(DocumentSynth.INK_THRESHOLD);
      }
    }
  }
}
