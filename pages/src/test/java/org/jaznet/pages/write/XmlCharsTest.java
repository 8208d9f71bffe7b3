package org.jaznet.pages.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlCharsTest {

  @Test
  void clean_keepsLegalCharacters_sameInstance() {
    String s = "tab\tnl\ncr\r \uD83D\uDE00 \uE000 \uFFFD \u00E9 <&>";
    assertThat(XmlChars.clean(s)).isSameAs(s);
  }

  @Test
  void clean_dropsControlsLoneSurrogatesAndNonCharacters() {
    assertThat(XmlChars.clean("a\u0000b\u0008c\u000Bd\u000Ce\u001Ff")).isEqualTo("abcdef");
    assertThat(XmlChars.clean("x\uD800y\uDC00z")).isEqualTo("xyz");
    assertThat(XmlChars.clean("\uDC00\uD800")).isEmpty(); // reversed pair: two lone halves
    assertThat(XmlChars.clean("p\uFFFEq\uFFFFr")).isEqualTo("pqr");
    assertThat(XmlChars.clean(Fixtures.NASTY)).isEqualTo(Fixtures.NASTY_CLEAN);
  }

  @Test
  void cleanAttribute_turnsWhitespaceControlsIntoSpaces() {
    assertThat(XmlChars.cleanAttribute("a\tb\nc\rd\u0001")).isEqualTo("a b c d");
  }

  @Test
  void stripLoneSurrogates_keepsPairsAndControls() {
    assertThat(XmlChars.stripLoneSurrogates("\u0001\uD83D\uDE00\uD83D")).isEqualTo("\u0001\uD83D\uDE00");
    assertThat(XmlChars.stripLoneSurrogates("plain")).isEqualTo("plain");
  }
}
