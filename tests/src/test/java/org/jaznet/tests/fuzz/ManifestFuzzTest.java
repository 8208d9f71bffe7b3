package org.jaznet.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.jaznet.pipeline.io.ManifestParser;
import org.jaznet.pipeline.io.WordRef;

/**
 * {@link ManifestParser}: any line gives a {@link WordRef} or an {@link IllegalArgumentException} whose
 * message is the failure reason (its documented contract). Nothing else escapes.
 */
class ManifestFuzzTest {
  private static final Path BASE = Path.of("/data/manifests");

  @FuzzTest(maxDuration = "5m")
  void parseCsv_anyLine_refOrReason(FuzzedDataProvider data) {
    boolean first = data.consumeBoolean();
    String line = data.consumeRemainingAsString();
    try {
      // inside the try, as ReadImages calls it: a first line with an unclosed quote throws here (finding F8)
      if (ManifestParser.isIgnorable(line, true, first)) {
        return;
      }
      check(ManifestParser.parseCsv(line, BASE));
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @FuzzTest(maxDuration = "5m")
  void parseJson_anyLine_refOrReason(FuzzedDataProvider data) {
    String line = data.consumeRemainingAsString();
    try {
      if (ManifestParser.isIgnorable(line, false, false)) {
        return;
      }
      check(ManifestParser.parseJson(line, BASE));
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  private static void check(WordRef ref) {
    assertThat(Path.of(ref.path()).isAbsolute()).isTrue();
    assertThat(ref.source()).startsWith(ref.path());
    if (ref.box() != null) {
      assertThat(ref.box().w()).isPositive();
      assertThat(ref.box().h()).isPositive();
    }
  }
}
