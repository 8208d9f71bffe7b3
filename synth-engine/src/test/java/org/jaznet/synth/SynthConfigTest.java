package org.jaznet.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SynthConfigTest {
  private final Path p = Path.of("x");

  @Test
  void new_olderParameterLists_haveNoPrintForms() {
    assertThat(new SynthConfig(1, p, p, p, 0.1, CaseMode.MIXED).printRatio()).isZero();
    assertThat(new SynthConfig(1, p, p, p, 0.1, CaseMode.MIXED, SynthConfig.Recipe.mjsynth(), 0.2, 0.3)
        .printRatio()).isZero();
  }

  @Test
  void withPrintRatio_setsItAndKeepsEverythingElse() {
    SynthConfig c = new SynthConfig(1, p, p, p, 0.1, CaseMode.UPPER, SynthConfig.Recipe.mjsynth(), 0.2, 0.3);
    SynthConfig d = c.withPrintRatio(0.4);
    assertThat(d.printRatio()).isEqualTo(0.4);
    assertThat(d.withPrintRatio(0)).isEqualTo(c);
    assertThat(d.withSeed(5).withNumberRatio(0.1).withShortWordRatio(0.05).withCaseMode(CaseMode.LOWER)
        .printRatio()).isEqualTo(0.4);
  }

  @Test
  void new_printRatioOutOfRange_namesIt() {
    assertThatThrownBy(() -> SynthConfig.defaults(1).withPrintRatio(-0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("printRatio").hasMessageContaining("-0.5");
  }

  @Test
  void withColour_setsItAndKeepsEverythingElse() {
    SynthConfig c = new SynthConfig(1, p, p, p, 0.1, CaseMode.UPPER, SynthConfig.Recipe.mjsynth(), 0.2, 0.3, 0.4);
    assertThat(c.colour()).isFalse();
    SynthConfig d = c.withColour(true);
    assertThat(d.colour()).isTrue();
    assertThat(d.withColour(false)).isEqualTo(c);
    assertThat(d.withSeed(5).withPrintRatio(0.1).withRecipe(SynthConfig.Recipe.document()).colour()).isTrue();
  }

  @Test
  void recipe_oldParameterList_isNotADocument() {
    SynthConfig.Recipe m = SynthConfig.Recipe.mjsynth();
    assertThat(m.documentLook()).isEmpty();
    assertThat(m.withoutEffects().withCurveP(0.5).isDocument()).isFalse();
    assertThat(SynthConfig.Recipe.document().withoutEffects().documentLook().orElseThrow().binariseP()).isZero();
  }
}
