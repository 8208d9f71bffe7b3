package org.jaznet.synth.colour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColourTest {
  @Test
  void of_twoPeaks_findsBothMeansAndWeights() {
    long[] h = new long[256];
    h[40] = 300;
    h[42] = 300;
    h[200] = 400;
    GreyClusters k = GreyClusters.of(h, 2);
    assertThat(k.mean(0)).isCloseTo(41, within(1e-9));
    assertThat(k.mean(1)).isCloseTo(200, within(1e-9));
    assertThat(k.sigma(0)).isCloseTo(1, within(1e-9));
    assertThat(k.weights()).containsExactly(0.6, 0.4);
  }

  @Test
  void of_threePeaks_sortsMeansAscending() {
    long[] h = new long[256];
    h[250] = 10;
    h[10] = 10;
    h[128] = 10;
    assertThat(GreyClusters.of(h, 3).means()).containsExactly(10, 128, 250);
  }

  @Test
  void load_testBackgrounds_decodesSmallGreyArraysWithClusters() throws Exception {
    BackdropLibrary lib = BackdropLibrary.load(TestData.backgrounds());
    assertThat(lib.size()).isEqualTo(3);
    for (Backdrop b : lib.backdrops()) {
      assertThat(b.height()).isEqualTo(BackdropLibrary.HEIGHT);
      assertThat(b.width()).isGreaterThanOrEqualTo(BackdropLibrary.MIN_WIDTH);
      assertThat(b.two().k()).isEqualTo(2);
      assertThat(b.three().k()).isEqualTo(3);
    }
  }

  @Test
  void load_corruptImageAmongGoodOnes_skipsIt(@TempDir Path dir) throws Exception {
    Files.copy(TestData.backgrounds().resolve("bg-0001.jpg"), dir.resolve("a.jpg"));
    Files.write(dir.resolve("b.jpg"), new byte[] {1, 2, 3});
    BackdropLibrary lib = BackdropLibrary.load(dir);
    assertThat(lib.size()).isEqualTo(1);
    assertThat(lib.skipped()).isEqualTo(1);
  }

  @Test
  void load_emptyDirectory_throwsNamingIt(@TempDir Path dir) {
    assertThatThrownBy(() -> BackdropLibrary.load(dir)).isInstanceOf(SynthException.class)
        .hasMessageContaining(dir.toString());
  }

  @Test
  void chromaOf_redDarkAndGreyLight_givesEachClusterItsHueWithZeroLuma() {
    // Half the pixels dark pure red (luma 76), half light neutral grey (200).
    int n = 100;
    byte[] grey = new byte[n];
    byte[] bgr = new byte[3 * n];
    for (int i = 0; i < n; i++) {
      boolean red = i % 2 == 0;
      grey[i] = (byte) (red ? 76 : 200);
      bgr[3 * i] = (byte) (red ? 0 : 200);
      bgr[3 * i + 1] = (byte) (red ? 0 : 200);
      bgr[3 * i + 2] = (byte) (red ? 255 : 200);
    }
    long[] h = GreyClusters.histogram(grey);
    ChromaClusters hues = ChromaClusters.of(grey, bgr, GreyClusters.of(h, 2));
    assertThat(hues.mean(0, 0)).isGreaterThan(150);
    assertThat(hues.mean(0, 2)).isLessThan(-50);
    double luma = ChromaClusters.WR * hues.mean(0, 0) + ChromaClusters.WG * hues.mean(0, 1)
        + ChromaClusters.WB * hues.mean(0, 2);
    assertThat(luma).isCloseTo(0, within(1e-9));
    assertThat(hues.mean(1, 0)).isCloseTo(0, within(1e-9));
  }

  @Test
  void hues_loadedGreyOnly_throwsAndLoadedInColourAnswers() throws SynthException {
    BackdropLibrary grey = BackdropLibrary.load(TestData.backgrounds());
    assertThat(grey.hasColour()).isFalse();
    assertThatThrownBy(() -> grey.hues(0, 2)).isInstanceOf(IllegalStateException.class);
    BackdropLibrary colour = BackdropLibrary.load(TestData.backgrounds(), true);
    assertThat(colour.size()).isEqualTo(grey.size());
    assertThat(colour.get(0).grey()).isEqualTo(grey.get(0).grey());
    assertThat(colour.hues(0, 3).k()).isEqualTo(3);
  }
}
