package org.jaznet.synth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jaznet.synth.CharBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CharBoxesJsonlTest {
  @TempDir Path dir;

  @Test
  void line_entry_parsesBackToSameBoxes() throws Exception {
    CharBoxesJsonl.Entry e = new CharBoxesJsonl.Entry("1/1/1_Hi_3.jpg", "Hi", List.of(
        new CharBox('H', 1.5f, 2, 10, 2.25f, 10, 30, 1.5f, 30), new CharBox('i', 10, 2, 14, 2, 14, 30, 10, 30)));
    String line = CharBoxesJsonl.line(e);
    assertThat(line).startsWith("{\"path\":\"1/1/1_Hi_3.jpg\",\"text\":\"Hi\",\"boxes\":[[1.5,2.0,10.0,2.25,");
    Path file = dir.resolve("charboxes.jsonl");
    Files.writeString(file, line + "\n");
    try (Stream<CharBoxesJsonl.Entry> s = CharBoxesJsonl.read(file)) {
      assertThat(s.toList()).containsExactly(e);
    }
  }

  @Test
  void read_boxCountNotMatchingText_errorNamesLine() throws Exception {
    Path file = dir.resolve("charboxes.jsonl");
    Files.writeString(file, "{\"path\":\"a.jpg\",\"text\":\"ab\",\"boxes\":[[0,0,1,0,1,1,0,1]]}\n");
    try (Stream<CharBoxesJsonl.Entry> s = CharBoxesJsonl.read(file)) {
      assertThatThrownBy(s::toList).hasMessageContaining(file + " line 1");
    }
  }
}
