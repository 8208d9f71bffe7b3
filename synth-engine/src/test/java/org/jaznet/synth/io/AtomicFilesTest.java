package org.jaznet.synth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private List<Path> listAll() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void write_newFile_createsParentsReplacesAndIsWorldReadable() throws Exception {
    Path f = dir.resolve("a/b/c.bin");
    AtomicFiles.write(f, new byte[] {1, 2});
    AtomicFiles.write(f, new byte[] {3});
    assertThat(Files.readAllBytes(f)).containsExactly(3);
    assertThat(Files.getPosixFilePermissions(f)).contains(PosixFilePermission.OTHERS_READ);
    assertThat(listAll()).containsExactly(f);
  }

  @Test
  void writeText_bodyThrows_noTargetAndNoTempLeft() {
    Path f = dir.resolve("labels.tsv");
    assertThatThrownBy(() -> AtomicFiles.writeText(f, w -> {
      w.write("half a line");
      throw new IOException("disk on fire");
    })).isInstanceOf(IOException.class).hasMessageContaining(f.toString()).hasMessageContaining("disk on fire");
    assertThat(f).doesNotExist();
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void removeTemps_leftoversOfAKilledWriter_deletedOthersKept() throws Exception {
    Files.createDirectories(dir.resolve("1/1"));
    Files.writeString(dir.resolve("1/1/.jz99-1" + AtomicFiles.TEMP_SUFFIX), "half");
    Files.writeString(dir.resolve("1/1/1_a_0.jpg"), "whole");
    assertThat(AtomicFiles.removeTemps(dir)).isEqualTo(1);
    assertThat(listAll()).containsExactly(dir.resolve("1/1/1_a_0.jpg"));
  }

  @Test
  void write_parentIsAFile_errorNamesTarget() throws Exception {
    Files.writeString(dir.resolve("file"), "x");
    Path f = dir.resolve("file/sub.bin");
    assertThatThrownBy(() -> AtomicFiles.write(f, new byte[1])).hasMessageContaining(f.toString());
  }
}
