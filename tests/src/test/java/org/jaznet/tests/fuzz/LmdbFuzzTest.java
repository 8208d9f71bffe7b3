package org.jaznet.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jaznet.synth.io.LabelledImage;
import org.jaznet.synth.io.LmdbDataset;

/**
 * {@link LmdbDataset}: any {@code data.mdb} gives images or an {@link IOException} (while streaming
 * an {@link UncheckedIOException}) naming the folder. The seed is a valid 3-sample database written
 * by {@code LmdbWriter}.
 *
 * <p>Native LMDB trusts its file (it memory-maps {@code data.mdb} and follows page numbers without bounds
 * checks), so with lmdbjava a corrupt file killed the JVM with SIGSEGV (F9 in tests/RELIABILITY.md; its
 * input is a regression case here). LmdbDataset now reads through a bounds-checked pure-Java reader.
 */
class LmdbFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void open_anyDataMdb_imagesOrIoException(byte[] bytes) {
    Path dir = FuzzFiles.folder("lmdb");
    FuzzFiles.write("lmdb/data.mdb", bytes);
    readAll(dir);
  }

  /** Opens and reads every sample; the documented exceptions are caught. Used by the child-JVM replays too. */
  public static long readAll(Path dir) {
    long n = 0;
    try (LmdbDataset db = LmdbDataset.open(dir); Stream<LabelledImage> s = db.images()) {
      for (LabelledImage img : (Iterable<LabelledImage>) s::iterator) {
        assertThat(img.id()).startsWith("image-");
        n++;
      }
      assertThat(n).isEqualTo(db.size().orElseThrow());
    } catch (IOException e) {
      assertThat(e.getMessage()).contains(dir.toString());
    } catch (UncheckedIOException e) {
      assertThat(e.getCause().getMessage()).contains(dir.toString());
    }
    return n;
  }
}
