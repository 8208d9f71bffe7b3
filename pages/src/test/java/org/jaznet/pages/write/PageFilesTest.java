package org.jaznet.pages.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageFilesTest {
  @TempDir Path dir;

  @Test
  void writeAtomically_writesInputNamePlusSuffix_leavesNoTempFile() throws IOException {
    for (PageFormat f : PageFormat.values()) {
      Path p = PageFiles.writeAtomically(dir, "a.png", f, Fixtures.twoPages());
      assertThat(p).isEqualTo(dir.resolve("a.png" + f.suffix()));
      assertThat(Files.readAllBytes(p)).isEqualTo(Fixtures.write(f, Fixtures.twoPages()));
    }
    assertThat(list()).containsExactlyInAnyOrder("a.png.json", "a.png.txt", "a.png.hocr", "a.png.alto.xml");
  }

  @Test
  void writeAtomically_replacesAnExistingFile() throws IOException {
    Path target = dir.resolve("scan.tif.txt");
    Files.writeString(target, "old content that is longer than the new one".repeat(10));
    Path p = PageFiles.writeAtomically(dir, "scan.tif", PageFormat.TEXT, Fixtures.oneWord("s", "new"));
    assertThat(p).isEqualTo(target);
    assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("new\n");
    assertThat(list()).containsExactly("scan.tif.txt");
  }

  @Test
  void writeAtomically_refusesNamesWithDirectories() {
    assertThatThrownBy(() -> PageFiles.writeAtomically(dir, "sub/a.png", PageFormat.JSON, Fixtures.twoPages()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PageFiles.writeAtomically(dir, "", PageFormat.JSON, Fixtures.twoPages()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writeAtomically_missingDirectoryFails_withoutLeftovers() throws IOException {
    assertThatThrownBy(() -> PageFiles.writeAtomically(dir.resolve("missing"), "a.png", PageFormat.JSON, Fixtures.twoPages()))
        .isInstanceOf(IOException.class);
    assertThat(list()).isEmpty();
  }

  private List<String> list() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }
}
