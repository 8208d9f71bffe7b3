package org.jaznet.synth.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Reads an LMDB in the CRNN / deep-text-recognition-benchmark layout (see {@link LmdbWriter}), read-only.
 * Entry ids are the image keys ({@code image-000000001}). Thread-safe; streams are lazy and cheap to abandon.
 *
 * <p>The file is read by {@link LmdbFile}, which checks every page number and length against the file, not
 * by native LMDB: a dataset folder may come from anywhere, and a corrupt {@code data.mdb} must be an
 * {@link IOException} naming it rather than a JVM killed by SIGSEGV (tests/RELIABILITY.md, F9). The
 * database must not be written while it is open (no reader lock is taken).
 */
public final class LmdbDataset implements LabelledDataset {
  /** The LMDB data file in a dataset folder. */
  static final String DATA_FILE = "data.mdb";

  private final Path dir;
  private final LmdbFile file;
  private final long count;

  private LmdbDataset(Path dir, LmdbFile file, long count) {
    this.dir = dir;
    this.file = file;
    this.count = count;
  }

  /**
   * Opens the LMDB in {@code dir} read-only.
   *
   * @throws IOException naming the folder or its {@code data.mdb} if the file is missing, corrupt, or not a
   *     CRNN-style dataset
   */
  public static LmdbDataset open(Path dir) throws IOException {
    LmdbFile file = LmdbFile.open(dir.resolve(DATA_FILE));
    try {
      byte[] n = file.get(LmdbWriter.NUM_SAMPLES);
      if (n == null) {
        throw new IOException("LMDB " + dir + " has no num-samples key: not a CRNN-style text dataset");
      }
      long count = LmdbWriter.parseCount(dir, n);
      // Each sample is two entries (image and label) besides num-samples, so a larger count is a lie that
      // would only surface as a missing key much later.
      if (count < 0 || file.entries() < 1 || count > (file.entries() - 1) / 2) {
        throw new IOException("LMDB " + dir + " has num-samples " + count + " but its database holds "
            + file.entries() + " entries (2 per sample + num-samples)");
      }
      return new LmdbDataset(dir, file, count);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e instanceof IOException io ? io : new IOException("cannot read LMDB " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public DatasetKind kind() {
    return DatasetKind.LMDB;
  }

  @Override
  public Path root() {
    return dir;
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.of(count);
  }

  /**
   * Sample {@code oneBased} (1 .. size).
   *
   * @throws UncheckedIOException naming the folder and key if the sample is missing or cannot be read
   */
  public LabelledImage get(long oneBased) {
    byte[] key = LmdbWriter.key("image", checkIndex(oneBased));
    String id = new String(key, StandardCharsets.US_ASCII);
    byte[] image = lookUp(key, oneBased);
    if (image == null) {
      throw new UncheckedIOException(new IOException("LMDB " + dir + " lacks " + id));
    }
    return new LabelledImage(id, label(oneBased), -1, null, image);
  }

  /**
   * The label of sample {@code oneBased} (1 .. size), without reading its image.
   *
   * @throws UncheckedIOException naming the folder and key if the label is missing or cannot be read
   */
  public String label(long oneBased) {
    byte[] key = LmdbWriter.key("label", checkIndex(oneBased));
    byte[] label = lookUp(key, oneBased);
    if (label == null) {
      throw new UncheckedIOException(new IOException(
          "LMDB " + dir + " lacks " + new String(key, StandardCharsets.US_ASCII)));
    }
    return new String(label, StandardCharsets.UTF_8);
  }

  private long checkIndex(long oneBased) {
    if (oneBased < 1 || oneBased > count) {
      throw new IndexOutOfBoundsException("LMDB " + dir + " has samples 1.." + count + ", asked for " + oneBased);
    }
    return oneBased;
  }

  private byte[] lookUp(byte[] key, long oneBased) {
    try {
      return file.get(key);
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException("cannot read " + new String(key, StandardCharsets.US_ASCII)
          + " (sample " + oneBased + ") of LMDB " + dir + ": " + e.getMessage(), e));
    }
  }

  @Override
  public Stream<LabelledImage> images() {
    return LongStream.rangeClosed(1, count).mapToObj(this::get);
  }

  @Override
  public Stream<DatasetEntry> entries() {
    return LongStream.rangeClosed(1, count).mapToObj(
        i -> new DatasetEntry(new String(LmdbWriter.key("image", i), StandardCharsets.US_ASCII), label(i), -1));
  }

  @Override
  public void close() {
    try {
      file.close();
    } catch (IOException e) {
      // Closing a read-only channel loses nothing; there is no caller to tell.
    }
  }
}
