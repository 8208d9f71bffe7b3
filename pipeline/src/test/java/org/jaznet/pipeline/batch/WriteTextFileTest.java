package org.jaznet.pipeline.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteTextFileTest {
  @TempDir
  Path dir;

  @Test
  void writesTheLinesSortedAfterTheHeader_andLeavesNoTemporaryFile() throws Throwable {
    BeamTests.withPipeline(getClass(), "sorted", p -> {
      p.apply(Create.of(List.of("c,3", "a,1", "b,2")).withCoder(StringUtf8Coder.of()))
          .apply(WriteTextFile.to(dir.toString(), "failures.csv", "name,n"));
      p.run().waitUntilFinish();
    });
    assertThat(Files.readString(dir.resolve("failures.csv"))).isEqualTo("name,n\na,1\nb,2\nc,3\n");
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.map(f -> f.getFileName().toString())).containsExactly("failures.csv");
    }
  }

  @Test
  void anEmptyCollectionWritesNoFile() throws Throwable {
    BeamTests.withPipeline(getClass(), "empty", p -> {
      p.apply(Create.empty(StringUtf8Coder.of())).apply(WriteTextFile.to(dir.toString(), "x.tsv", null));
      p.run().waitUntilFinish();
    });
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void aNameWithAFolderIsRefused() {
    assertThatThrownBy(() -> WriteTextFile.to(dir.toString(), "a/b.txt", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a/b.txt");
  }
}
