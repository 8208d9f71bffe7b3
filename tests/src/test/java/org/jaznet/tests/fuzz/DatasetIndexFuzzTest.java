package org.jaznet.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jaznet.synth.io.DatasetEntry;
import org.jaznet.synth.io.LabelsTsv;
import org.jaznet.synth.io.MjsynthAnnotation;

/**
 * The text index readers of {@code org.jaznet.synth.io}: any bytes give entries, or an
 * {@link IOException} (or, while streaming, an {@link UncheckedIOException}) naming the file.
 */
class DatasetIndexFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void labelsTsvRead_anyBytes_entriesOrIoException(byte[] bytes) {
    Path file = FuzzFiles.write("labels.tsv", bytes);
    try (Stream<DatasetEntry> s = LabelsTsv.read(file)) {
      List<DatasetEntry> entries = s.toList();
      for (DatasetEntry e : entries) {
        assertThat(e.path()).isNotEmpty().doesNotContain("\t", "\n", "\r");
        // what the writer would write for this entry reads back as the same entry
        assertThat(LabelsTsv.unescape(LabelsTsv.escape(e.label()))).isEqualTo(e.label());
      }
    } catch (IOException e) {
      assertThat(e.getMessage()).contains(file.toString());
    } catch (UncheckedIOException e) {
      assertThat(e.getCause().getMessage()).contains(file.toString());
    }
  }

  @FuzzTest(maxDuration = "5m")
  void mjsynthAnnotationRead_anyBytes_entriesOrIoException(byte[] bytes) {
    Path file = FuzzFiles.write("annotation.txt", bytes);
    try (Stream<DatasetEntry> s = MjsynthAnnotation.read(file)) {
      for (DatasetEntry e : s.toList()) {
        assertThat(e.path()).isNotEmpty();
        assertThat(e.lexiconIndex()).isGreaterThanOrEqualTo(-1);
      }
    } catch (IOException e) {
      assertThat(e.getMessage()).contains(file.toString());
    } catch (UncheckedIOException e) {
      assertThat(e.getCause().getMessage()).contains(file.toString());
    }
  }
}
