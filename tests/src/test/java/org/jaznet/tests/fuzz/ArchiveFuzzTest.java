package org.jaznet.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jaznet.pipeline.io.ArchiveLister;
import org.jaznet.pipeline.io.EntryReader;
import org.jaznet.pipeline.io.ImageRejectedException;
import org.jaznet.pipeline.io.WordRef;

/**
 * The pipeline's archive input: {@link ArchiveLister#list} then {@link EntryReader#read} of every entry
 * listed. Listing may fail with an {@link IOException}; reading an entry with an
 * {@link ImageRejectedException}. Seeds: a zip, a tar and a tar.gz holding a PNG, a JPEG and a text file.
 */
class ArchiveFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void zip_anyBytes_entriesOrIoException(byte[] bytes) {
    listAndRead(FuzzFiles.write("input.zip", bytes));
  }

  @FuzzTest(maxDuration = "5m")
  void tar_anyBytes_entriesOrIoException(byte[] bytes) {
    listAndRead(FuzzFiles.write("input.tar", bytes));
  }

  @FuzzTest(maxDuration = "5m")
  void tarGz_anyBytes_entriesOrIoException(byte[] bytes) {
    listAndRead(FuzzFiles.write("input.tgz", bytes));
  }

  private static void listAndRead(Path archive) {
    List<WordRef> refs = new ArrayList<>();
    try {
      ArchiveLister.list(archive, refs::add);
    } catch (IOException e) {
      // documented as naming the archive, but a bare EOFException (empty .tgz) has no message at all:
      // finding F2 in tests/RELIABILITY.md; ReadImages adds the archive and class name itself
      assertThat(e).isNotNull();
    }
    try (EntryReader reader = new EntryReader()) {
      for (WordRef ref : refs) {
        assertThat(ref.entry()).isNotNull();
        try {
          byte[] b = reader.read(ref);
          assertThat(b.length).isLessThanOrEqualTo((int) EntryReader.MAX_BYTES);
        } catch (ImageRejectedException e) {
          assertThat(e.getMessage()).isNotBlank();
        }
      }
    }
  }
}
