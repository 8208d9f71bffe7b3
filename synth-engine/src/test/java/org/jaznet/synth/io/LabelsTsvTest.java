package org.jaznet.synth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsTsvTest {
  @TempDir Path dir;

  @Test
  void write_wordsWithTabsNewlinesBackslashes_readBackExactly() throws Exception {
    List<DatasetEntry> entries = List.of(
        new DatasetEntry("a/1.jpg", "tab\there", -1),
        new DatasetEntry("a/2.jpg", "line\nbreak\r", -1),
        new DatasetEntry("a/3.jpg", "back\\slash\\t", -1),
        new DatasetEntry("a/4.jpg", "", -1),
        new DatasetEntry("a/5.jpg", "plain Wörd", -1));
    Path file = dir.resolve("labels.tsv");
    LabelsTsv.write(file, entries.iterator());
    assertThat(Files.readAllLines(file)).hasSize(5).allMatch(l -> l.chars().filter(c -> c == '\t').count() == 1);
    try (Stream<DatasetEntry> s = LabelsTsv.read(file)) {
      assertThat(s.toList()).isEqualTo(entries);
    }
  }

  @Test
  void read_crlfBlankLinesAndLoneBackslash_tolerated() throws Exception {
    Path file = dir.resolve("labels.tsv");
    Files.write(file, "\uFEFFword_1.png\tC:\\dir\r\n\r\nword_2.png\tkills\r\n".getBytes(StandardCharsets.UTF_8));
    try (Stream<DatasetEntry> s = LabelsTsv.read(file)) {
      assertThat(s.toList()).containsExactly(
          new DatasetEntry("word_1.png", "C:\\dir", -1), new DatasetEntry("word_2.png", "kills", -1));
    }
  }

  @Test
  void read_lineWithoutTab_errorNamesFileAndLine() throws Exception {
    Path file = dir.resolve("labels.tsv");
    Files.writeString(file, "a.jpg\tok\nbroken line\n");
    try (Stream<DatasetEntry> s = LabelsTsv.read(file)) {
      assertThatThrownBy(s::toList).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(file.toString()).hasMessageContaining("line 2");
    }
  }

  @Test
  void read_notUtf8_errorNamesFile() throws Exception {
    Path file = dir.resolve("labels.tsv");
    Files.write(file, new byte[] {'a', '\t', (byte) 0xC3, (byte) 0x28, '\n'});
    try (Stream<DatasetEntry> s = LabelsTsv.read(file)) {
      assertThatThrownBy(s::toList).hasMessageContaining(file.toString());
    }
  }
}
