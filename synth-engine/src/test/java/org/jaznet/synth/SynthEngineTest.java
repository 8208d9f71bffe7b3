package org.jaznet.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthEngineTest {
  private static SynthEngine engine;

  @BeforeAll
  static void load() throws Exception {
    engine = SynthEngine.create(TestData.config(42));
  }

  @Test
  void render_anyIndex_textMatchesTextOfAndLexiconIndex() {
    for (long i = 0; i < 40; i++) {
      SynthSample s = engine.render(i);
      assertThat(s.text()).isEqualTo(engine.textOf(i));
      assertThat(s.index()).isEqualTo(i);
      int idx = engine.lexicon().indexOf(s.text().toLowerCase(Locale.ROOT));
      assertThat(s.lexiconIndex()).isEqualTo(idx);
      if (s.lexiconIndex() >= 0) {
        assertThat(engine.lexicon().get(s.lexiconIndex())).isEqualTo(s.text().toLowerCase(Locale.ROOT));
      }
    }
  }

  @Test
  void render_anyIndex_is32HighJpegWhoseDecodingIsGrey() throws Exception {
    for (long i = 0; i < 10; i++) {
      SynthSample s = engine.render(i);
      assertThat(s.height()).isEqualTo(32);
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(s.jpeg()));
      assertThat(img.getWidth()).isEqualTo(s.width());
      assertThat(img.getHeight()).isEqualTo(32);
      assertThat(s.charBoxes()).hasSize(s.text().length());
      for (int k = 0; k < s.text().length(); k++) {
        assertThat(s.charBoxes().get(k).ch()).isEqualTo(s.text().charAt(k));
      }
    }
  }

  @Test
  void render_charBoxes_lieMostlyWithinTheImage() {
    for (long i = 0; i < 30; i++) {
      SynthSample s = engine.render(i);
      for (CharBox b : s.charBoxes()) {
        float[] r = b.bounds();
        float cx = (r[0] + r[2]) / 2;
        float cy = (r[1] + r[3]) / 2;
        assertThat(cx).as("index %d box centre x", i).isBetween(-2f, s.width() + 2f);
        assertThat(cy).as("index %d box centre y", i).isBetween(-2f, s.height() + 2f);
      }
    }
  }

  @Test
  void render_sameIndexTwice_identicalBytes() {
    SynthSample a = engine.render(7);
    engine.render(8);
    SynthSample b = engine.render(7);
    assertThat(b.jpeg()).isEqualTo(a.jpeg());
    assertThat(b.grey()).isEqualTo(a.grey());
  }

  @Test
  void render_twoThreadsInReverseOrder_sameBytesAsOneThread() throws Exception {
    int n = 60;
    List<byte[]> serial = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      serial.add(engine.render(i).jpeg());
    }
    SynthEngine fresh = SynthEngine.create(TestData.config(42));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<byte[]>> futures = new ArrayList<>();
      for (int i = n - 1; i >= 0; i--) {
        final long idx = i;
        futures.add(pool.submit(() -> fresh.render(idx).jpeg()));
      }
      for (int k = 0; k < n; k++) {
        assertThat(futures.get(k).get()).as("index %d", n - 1 - k).isEqualTo(serial.get(n - 1 - k));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void render_otherSeed_otherImages() throws Exception {
    SynthEngine other = SynthEngine.create(TestData.config(43));
    int same = 0;
    for (long i = 0; i < 10; i++) {
      same += java.util.Arrays.equals(other.render(i).jpeg(), engine.render(i).jpeg()) ? 1 : 0;
    }
    assertThat(same).isZero();
  }

  @Test
  void create_emptyDictionary_throwsNamingTheFile(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.txt"), "\n\n");
    assertThatThrownBy(() -> SynthEngine.create(TestData.config(1).withDictionary(empty)))
        .isInstanceOf(SynthException.class).hasMessageContaining(empty.toString());
  }

  @Test
  void create_fontsDirWithoutFonts_throwsNamingTheDirectory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("readme.txt"), "no fonts here");
    assertThatThrownBy(() -> SynthEngine.create(TestData.config(1).withFontsDir(dir)))
        .isInstanceOf(SynthException.class).hasMessageContaining(dir.toString());
  }

  @Test
  void create_missingBackgrounds_throwsNamingTheDirectory(@TempDir Path dir) {
    Path missing = dir.resolve("nothing");
    assertThatThrownBy(() -> SynthEngine.create(TestData.config(1).withBackgroundsDir(missing)))
        .isInstanceOf(SynthException.class).hasMessageContaining(missing.toString());
  }
}
