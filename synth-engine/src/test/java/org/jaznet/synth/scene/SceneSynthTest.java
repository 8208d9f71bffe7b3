package org.jaznet.synth.scene;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.ProjectPaths;
import org.jaznet.synth.document.DocWord;
import org.jaznet.synth.font.FontCatalog;
import org.jaznet.synth.raster.GreyRaster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneSynthTest {
  private static SceneSynth synth;

  @BeforeAll
  static void load() throws Exception {
    synth = new SceneSynth(FontCatalog.load(ProjectPaths.fonts()), Lexicon.read(ProjectPaths.defaultDictionary()),
        ProjectPaths.backgrounds());
  }

  @Test
  void sameSeedSameBytes_sceneDependsOnlyOnSeedAndIndex(@TempDir Path dir) throws Exception {
    synth.writeSet(dir.resolve("a"), 3, 11);
    synth.writeSet(dir.resolve("b"), 3, 11);
    for (String f : List.of("images/scene-00001.png", "images/scene-00003.png", "words.jsonl")) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f))).as(f)
          .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
    Scene s2 = synth.render(11, 2);
    assertThat(GreyRaster.png(s2.image())).isEqualTo(Files.readAllBytes(dir.resolve("a/images/scene-00003.png")));
    assertThat(synth.render(12, 2).words()).isNotEqualTo(s2.words());
  }

  @Test
  void boxesLieOnTheSceneAndHoldInkThatDiffersFromTheirSurround() {
    int scenes = 0;
    int words = 0;
    int contrasted = 0;
    for (int i = 0; i < 20; i++) {
      Scene s = synth.render(3, i);
      BufferedImage img = s.image();
      assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
      assertThat(Math.max(img.getWidth(), img.getHeight())).isBetween(480, 960);
      byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
      scenes++;
      for (DocWord w : s.words()) {
        words++;
        assertThat(w.x() + w.w()).isLessThanOrEqualTo(img.getWidth());
        assertThat(w.y() + w.h()).isLessThanOrEqualTo(img.getHeight());
        assertThat(w.text()).isNotBlank();
        // the spread of grey levels inside a word box is that of ink on a background
        int min = 255;
        int max = 0;
        for (int y = w.y(); y < w.y() + w.h(); y++) {
          for (int x = w.x(); x < w.x() + w.w(); x++) {
            int v = px[y * img.getWidth() + x] & 0xFF;
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
        if (max - min >= 30) {
          contrasted++;
        }
      }
    }
    assertThat(words).isGreaterThan(2 * scenes);
    assertThat(contrasted).isGreaterThanOrEqualTo((int) (0.95 * words));
  }

  @Test
  void boxesOfALineDoNotOverlap() {
    for (int i = 0; i < 20; i++) {
      List<DocWord> ws = synth.render(5, i).words();
      for (int a = 0; a < ws.size(); a++) {
        for (int b = a + 1; b < ws.size(); b++) {
          DocWord p = ws.get(a);
          DocWord q = ws.get(b);
          int ix = Math.min(p.x() + p.w(), q.x() + q.w()) - Math.max(p.x(), q.x());
          int iy = Math.min(p.y() + p.h(), q.y() + q.h()) - Math.max(p.y(), q.y());
          double inter = ix > 0 && iy > 0 ? ix * (double) iy : 0;
          assertThat(inter / Math.min(p.w() * (double) p.h(), q.w() * (double) q.h())).as("scene %d words %s %s", i, p, q)
              .isLessThan(0.3);
        }
      }
    }
  }

  @Test
  void wordsJsonlIsTheEvalPagesLayout(@TempDir Path dir) throws Exception {
    synth.writeSet(dir, 2, 21);
    List<String> lines = Files.readAllLines(dir.resolve("words.jsonl"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    JsonNode j = new ObjectMapper().readTree(lines.get(1));
    assertThat(j.get("image").asText()).isEqualTo("scene-00002.png");
    BufferedImage img = ImageIO.read(dir.resolve("images/scene-00002.png").toFile());
    assertThat(img).isNotNull();
    assertThat(j.get("words").size()).isEqualTo(synth.render(21, 1).words().size());
    for (JsonNode w : j.get("words")) {
      assertThat(w.get("box").size()).isEqualTo(4);
      assertThat(w.get("text").asText()).isNotEmpty();
    }
  }
}
