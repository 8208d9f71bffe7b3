package org.jaznet.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.jaznet.pipeline.io.EntryReader;
import org.jaznet.pipeline.io.ImageDecoder;
import org.jaznet.pipeline.io.ImageRejectedException;
import org.jaznet.pipeline.io.WordRef;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.recognizer.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for the open findings of tests/RELIABILITY.md: each fails on today's code and
 * passes once its finding is fixed (then it moves to {@link FixedFindingsTest}). Run with
 * {@code -Djaznet.findings=true}; they stay out of the default run so the build stays green meanwhile.
 */
@EnabledIfSystemProperty(named = "jaznet.findings", matches = "true")
class OpenFindingsTest {
  @TempDir Path tmp;

  /**
   * F8 (fuzzer finding): a model zip whose entry name is not valid UTF-8 escapes ModelFile.load as
   * IllegalArgumentException("malformed input off : 156, length : 1") from ZipFile's entry iteration in
   * verify(), instead of a RecognizerException.
   */
  @Test
  void modelLoad_entryNameNotUtf8_recognizerException() throws Exception {
    Path input = tmp.resolve("model-bad-utf8-entry-name.zip");
    try (var in = getClass().getResourceAsStream("/org/jaznet/tests/fuzz/open-findings/model-bad-utf8-entry-name.zip")) {
      Files.copy(in, input);
    }
    assertThat(catching(() -> ModelFile.load(input))).isInstanceOf(org.jaznet.recognizer.RecognizerException.class)
        .hasMessageContaining(input.toString());
  }

  private interface Body {
    void run() throws Exception;
  }

  private static Throwable catching(Body b) {
    try {
      b.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }
}
