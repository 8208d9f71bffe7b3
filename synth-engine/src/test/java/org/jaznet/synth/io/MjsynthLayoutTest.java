package org.jaznet.synth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MjsynthLayoutTest {

  @Test
  void imagePath_firstIndices_followMjsynthFolders() {
    assertThat(MjsynthLayout.imagePath(0, "slinking", 71711)).isEqualTo("1/1/1_slinking_71711.jpg");
    assertThat(MjsynthLayout.imagePath(999, "a", 0)).isEqualTo("1/1/1000_a_0.jpg");
    assertThat(MjsynthLayout.imagePath(1000, "a", 0)).isEqualTo("1/2/1_a_0.jpg");
    assertThat(MjsynthLayout.imagePath(12345, "Word", 7)).isEqualTo("2/3/346_Word_7.jpg");
    assertThat(MjsynthLayout.plainImagePath(12345)).isEqualTo("images/2/3/346.jpg");
  }

  @Test
  void encodeWord_unsafeCharacters_percentEncodedAndDecodeRestores() {
    String word = "a/b\\c d\te\nf%g\u0000h:é_ü";
    String enc = MjsynthLayout.encodeWord(word);
    assertThat(enc).doesNotContain("/", "\\", " ", "\t", "\n", "\u0000", ":").contains("é", "_");
    assertThat(enc).isEqualTo("a%2Fb%5Cc%20d%09e%0Af%25g%00h%3Aé_ü");
    assertThat(MjsynthLayout.decodeWord(enc)).isEqualTo(word);
  }

  @Test
  void encodeWord_leadingDotOrDots_keptBecauseNameStartsWithNumber() {
    assertThat(MjsynthLayout.imagePath(4, "..", 3)).isEqualTo("1/1/5_.._3.jpg");
    assertThat(MjsynthLayout.parseFileName("1/1/5_.._3.jpg").word()).isEqualTo("..");
  }

  @Test
  void encodeWord_veryLongWord_cutAtCharacterBoundaryWithinLimit() {
    String word = "ü".repeat(150) + "/";
    String enc = MjsynthLayout.encodeWord(word);
    assertThat(enc.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MjsynthLayout.MAX_WORD_BYTES);
    assertThat(enc).isEqualTo("ü".repeat(100));
  }

  @Test
  void parseFileName_wordWithUnderscores_splitsAtFirstAndLastUnderscore() {
    MjsynthLayout.ParsedName p = MjsynthLayout.parseFileName("./3000/7/12_snake_case_word_42.jpg");
    assertThat(p.number()).isEqualTo(12);
    assertThat(p.word()).isEqualTo("snake_case_word");
    assertThat(p.lexiconIndex()).isEqualTo(42);
  }

  @Test
  void parseFileName_notMjsynthShape_errorNamesFile() {
    assertThatThrownBy(() -> MjsynthLayout.parseFileName("1/1/photo.jpg"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1/1/photo.jpg");
    assertThatThrownBy(() -> MjsynthLayout.parseFileName("x_word_1.jpg"))
        .hasMessageContaining("x_word_1.jpg");
  }
}
