package org.jaznet.synth.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * Reads an LMDB in the CRNN / deep-text-recognition-benchmark layout (see {@link LmdbWriter}), read-only.
 * Entry ids are the image keys ({@code image-000000001}); each image is fetched in its own short read
 * transaction, so streams are lazy and cheap to abandon.
 */
public final class LmdbDataset implements LabelledDataset {
  private final Path dir;
  private final Env<byte[]> env;
  private final Dbi<byte[]> db;
  private final long count;

  private LmdbDataset(Path dir, Env<byte[]> env, Dbi<byte[]> db, long count) {
    this.dir = dir;
    this.env = env;
    this.db = db;
    this.count = count;
  }

  /** Opens the LMDB in {@code dir} read-only. */
  public static LmdbDataset open(Path dir) throws IOException {
    Env<byte[]> env;
    try {
      env = Env.create(ByteArrayProxy.PROXY_BA).setMaxDbs(1).open(dir.toFile(), EnvFlags.MDB_RDONLY_ENV);
    } catch (LmdbException e) {
      throw new IOException("cannot open LMDB " + dir + ": " + e.getMessage(), e);
    }
    try {
      Dbi<byte[]> db = env.openDbi((byte[]) null);
      byte[] n;
      try (Txn<byte[]> txn = env.txnRead()) {
        n = db.get(txn, LmdbWriter.NUM_SAMPLES);
      }
      if (n == null) {
        throw new IOException("LMDB " + dir + " has no num-samples key: not a CRNN-style text dataset");
      }
      return new LmdbDataset(dir, env, db, LmdbWriter.parseCount(dir, n));
    } catch (IOException | RuntimeException e) {
      env.close();
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

  /** Sample {@code oneBased} (1 .. size). */
  public LabelledImage get(long oneBased) {
    if (oneBased < 1 || oneBased > count) {
      throw new IndexOutOfBoundsException("LMDB " + dir + " has samples 1.." + count + ", asked for " + oneBased);
    }
    byte[] key = LmdbWriter.key("image", oneBased);
    byte[] image;
    byte[] label;
    try (Txn<byte[]> txn = env.txnRead()) {
      image = db.get(txn, key);
      label = db.get(txn, LmdbWriter.key("label", oneBased));
    } catch (LmdbException e) {
      throw new UncheckedIOException(new IOException(
          "cannot read sample " + oneBased + " of LMDB " + dir + ": " + e.getMessage(), e));
    }
    String id = new String(key, StandardCharsets.US_ASCII);
    if (image == null || label == null) {
      throw new UncheckedIOException(new IOException("LMDB " + dir + " lacks " + id + " or its label"));
    }
    return new LabelledImage(id, new String(label, StandardCharsets.UTF_8), -1, null, image);
  }

  @Override
  public Stream<LabelledImage> images() {
    return LongStream.rangeClosed(1, count).mapToObj(this::get);
  }

  @Override
  public Stream<DatasetEntry> entries() {
    return images().map(i -> new DatasetEntry(i.id(), i.label(), -1));
  }

  @Override
  public void close() {
    env.close();
  }
}
