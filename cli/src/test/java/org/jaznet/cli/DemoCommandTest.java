package org.jaznet.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void prepare_foreignNonEmptyFolder_refusedAndUntouched() throws Exception {
    Files.writeString(dir.resolve("precious.txt"), "x");

    assertThatThrownBy(() -> DemoCommand.prepare(dir))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(dir.toString());
    assertThat(dir.resolve("precious.txt")).exists();
  }

  @Test
  void prepare_previousDemo_replacesItsOutputOnly() throws Exception {
    DemoCommand.prepare(dir);
    Files.createDirectories(dir.resolve("archive/1/1"));
    Files.writeString(dir.resolve("archive/1/1/0_a_1.jpg"), "old");
    Files.writeString(dir.resolve("notes.txt"), "mine");

    DemoCommand.prepare(dir);

    assertThat(dir.resolve("archive")).doesNotExist();
    assertThat(dir.resolve("notes.txt")).exists();
  }

  @Test
  void fusedAccuracy_pipelineTable_readsFusedRow() {
    String table = "# word accuracy\nreading\twords\tcorrect\taccuracy_pct\nfused\t200\t150\t75.00\nchar\t200\t140\t70.00\n";
    assertThat(DemoCommand.fusedAccuracy(table)).isEqualTo(0.75);
    assertThat(DemoCommand.fusedAccuracy("nothing")).isNull();
  }
}
