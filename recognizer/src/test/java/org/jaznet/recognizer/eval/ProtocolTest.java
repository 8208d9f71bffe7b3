package org.jaznet.recognizer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtocolTest {
  @Test
  void normalise_mixedCaseAndPunctuation_lowercaseAlphanumericsOnly() {
    assertThat(Protocol.normalise("Tiredness!")).isEqualTo("tiredness");
    assertThat(Protocol.normalise("A-1 (B)")).isEqualTo("a1b");
    assertThat(Protocol.normalise("Café")).isEqualTo("caf");
    assertThat(Protocol.normalise(null)).isEmpty();
  }

  @Test
  void matches_sameAfterNormalisation_true() {
    assertThat(Protocol.matches("KILLS", "kills")).isTrue();
    assertThat(Protocol.matches("it's", "ITS")).isTrue();
    assertThat(Protocol.matches("kill", "kills")).isFalse();
  }

  @Test
  void matches_emptyLabel_neverTrue() {
    assertThat(Protocol.matches("", "!!")).isFalse();
  }
}
