package org.jaznet.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.jaznet.recognizer.HeadKind;
import org.junit.jupiter.api.Test;

class HeadSelectionTest {
  @Test
  void parse_keywordsAndLists_roundTripThroughToString() {
    assertThat(HeadSelection.parse("fast")).isEqualTo(HeadSelection.fast());
    assertThat(HeadSelection.parse(" ALL ")).isEqualTo(HeadSelection.all());
    HeadSelection listed = HeadSelection.parse("ctc, Dict");
    assertThat(listed.kind()).isEqualTo(HeadSelection.Kind.LISTED);
    assertThat(listed.listed()).containsExactlyInAnyOrder(HeadKind.CTC, HeadKind.DICT);
    assertThat(listed.toString()).isEqualTo("dict,ctc");
    for (HeadSelection h : new HeadSelection[] {HeadSelection.fast(), HeadSelection.all(), listed}) {
      assertThat(HeadSelection.parse(h.toString())).isEqualTo(h);
    }
  }

  @Test
  void modelSpec_javaSerialization_keepsTheSelection() {
    for (HeadSelection h : new HeadSelection[] {HeadSelection.fast(), HeadSelection.all(),
        HeadSelection.of(EnumSet.of(HeadKind.CHAR, HeadKind.CTC))}) {
      ModelSpec spec = ModelSpec.file("/models/m.zip").withHeads(h);
      ModelSpec copy = org.apache.beam.sdk.util.SerializableUtils.clone(spec);
      assertThat(copy).isEqualTo(spec);
      assertThat(copy.heads().listed()).isEqualTo(h.listed());
    }
    assertThat(ModelSpec.defaultModel().heads()).isEqualTo(HeadSelection.all());
  }

  @Test
  void parse_badText_namesTheTextAndTheChoices() {
    assertThatThrownBy(() -> HeadSelection.parse("ctc,,char")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ctc,,char").hasMessageContaining("unknown head ''");
    assertThatThrownBy(() -> HeadSelection.parse("words")).hasMessageContaining("unknown head 'words'")
        .hasMessageContaining("ngram");
    assertThatThrownBy(() -> HeadSelection.parse(" ")).hasMessageContaining("must not be blank");
    assertThatThrownBy(() -> new HeadSelection(HeadSelection.Kind.LISTED, EnumSet.noneOf(HeadKind.class)))
        .hasMessageContaining("no head listed");
    assertThatThrownBy(() -> new HeadSelection(HeadSelection.Kind.ALL, EnumSet.of(HeadKind.CHAR)))
        .hasMessageContaining("takes no head list");
  }
}
