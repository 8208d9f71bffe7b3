package org.jaznet.synth.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.nio.file.StandardCopyOption;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Env.MapFullException;
import org.lmdbjava.LmdbException;
import org.lmdbjava.Txn;

/**
 * Appends samples to an LMDB in the layout CRNN and deep-text-recognition-benchmark read: in the
 * unnamed main database, {@code image-%09d} holds the encoded image bytes, {@code label-%09d} the UTF-8
 * label and {@code num-samples} the count as decimal ASCII; indices are 1-based.
 *
 * <p>Each {@link #append} is one transaction that also updates {@code num-samples}, so after a crash
 * the database holds exactly the batches committed before it and {@link #numSamples()} says where to
 * resume. The map grows (doubling) when full. Not thread-safe: one writer per database.
 */
public final class LmdbWriter implements AutoCloseable {
  static final byte[] NUM_SAMPLES = "num-samples".getBytes(StandardCharsets.US_ASCII);

  private final Path dir;
  private final Env<byte[]> env;
  private final Dbi<byte[]> db;
  private long mapSize;
  private long numSamples;

  /** One image to store. */
  public record Item(byte[] image, String label) {}

  private LmdbWriter(Path dir, Env<byte[]> env, Dbi<byte[]> db, long mapSize) {
    this.dir = dir;
    this.env = env;
    this.db = db;
    this.mapSize = mapSize;
    try (Txn<byte[]> txn = env.txnRead()) {
      byte[] n = db.get(txn, NUM_SAMPLES);
      this.numSamples = n == null ? 0 : parseCount(dir, n);
    }
  }

  /**
   * Opens or creates the database in {@code dir} (files {@code data.mdb}, {@code lock.mdb}).
   *
   * @param initialMapSize starting map size in bytes (the file grows only as data is written)
   * @throws IOException naming {@code dir} if it cannot be created or opened
   */
  public static LmdbWriter open(Path dir, long initialMapSize) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException("cannot create LMDB directory " + dir + ": " + e.getMessage(), e);
    }
    // The map size is recorded in the file: keep it a function of the caller's figure alone, not of the
    // file's size, so that a resumed run ends with the same bytes (LMDB raises it if the data needs more).
    long size = initialMapSize;
    try {
      Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(size).setMaxDbs(1)
          .open(dir.toFile());
      Dbi<byte[]> db = env.openDbi((byte[]) null, DbiFlags.MDB_CREATE);
      return new LmdbWriter(dir, env, db, size);
    } catch (LmdbException e) {
      throw new IOException("cannot open LMDB " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Samples committed so far (the stored {@code num-samples}). */
  public long numSamples() {
    return numSamples;
  }

  /** Stores the items as samples {@code numSamples()+1 ...} and the new count, in one transaction. */
  public void append(List<Item> items) throws IOException {
    if (items.isEmpty()) {
      return;
    }
    while (true) {
      try {
        commit(items);
        numSamples += items.size();
        return;
      } catch (MapFullException e) {
        mapSize *= 2;
        env.setMapSize(mapSize);
      } catch (LmdbException e) {
        throw new IOException("cannot write LMDB " + dir + ": " + e.getMessage(), e);
      }
    }
  }

  private void commit(List<Item> items) {
    try (Txn<byte[]> txn = env.txnWrite()) {
      long n = numSamples;
      for (Item it : items) {
        n++;
        db.put(txn, key("image", n), it.image());
        db.put(txn, key("label", n), it.label().getBytes(StandardCharsets.UTF_8));
      }
      db.put(txn, NUM_SAMPLES, Long.toString(n).getBytes(StandardCharsets.US_ASCII));
      txn.commit();
    }
  }

  static byte[] key(String kind, long oneBased) {
    return String.format(Locale.ROOT, "%s-%09d", kind, oneBased).getBytes(StandardCharsets.US_ASCII);
  }

  static long parseCount(Path dir, byte[] n) {
    String s = new String(n, StandardCharsets.US_ASCII).strip();
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("LMDB " + dir + " has a malformed num-samples '" + s + "'", e);
    }
  }

  /** Records per transaction when {@link #rebuildAndClose} copies the database. */
  static final int REBUILD_BATCH = 1024;

  /**
   * Rewrites {@code data.mdb} canonically and closes the writer: all samples are copied, in order and in
   * batches of {@value #REBUILD_BATCH}, into a fresh database in {@code scratch}, which is then renamed over
   * {@code data.mdb}. Why: LMDB does not clear the unused slack of recycled page buffers, and its page
   * reuse depends on the process history, so a database written by a killed-then-resumed run differs in
   * bytes (never in records) from one written in one go. A fresh database built by the same sequence of
   * operations has the same bytes, so the finished file depends only on its records. Costs one sequential
   * copy; a crash during it leaves the original file intact.
   */
  public void rebuildAndClose(Path scratch) throws IOException {
    try {
      deleteDatabaseFiles(scratch);
      Files.createDirectories(scratch);
      long size = mapSize;
      while (true) {
        try (Env<byte[]> fresh = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(size).setMaxDbs(1)
            .open(scratch.toFile())) {
          Dbi<byte[]> target = fresh.openDbi((byte[]) null, DbiFlags.MDB_CREATE);
          copyAll(fresh, target);
          break;
        } catch (MapFullException e) {
          deleteDatabaseFiles(scratch);
          size *= 2;
        }
      }
      env.close();
      Files.move(scratch.resolve("data.mdb"), dir.resolve("data.mdb"),
          StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      deleteDatabaseFiles(scratch);
      Files.deleteIfExists(scratch);
    } catch (IOException | LmdbException e) {
      throw new IOException("cannot rewrite LMDB " + dir + " via " + scratch + ": " + e.getMessage(), e);
    } finally {
      env.close();
    }
  }

  private void copyAll(Env<byte[]> fresh, Dbi<byte[]> target) {
    try (Txn<byte[]> read = env.txnRead()) {
      for (long from = 1; from <= numSamples; from += REBUILD_BATCH) {
        long to = Math.min(numSamples, from + REBUILD_BATCH - 1);
        try (Txn<byte[]> txn = fresh.txnWrite()) {
          for (long n = from; n <= to; n++) {
            byte[] image = key("image", n);
            byte[] label = key("label", n);
            target.put(txn, image, db.get(read, image));
            target.put(txn, label, db.get(read, label));
          }
          target.put(txn, NUM_SAMPLES, Long.toString(to).getBytes(StandardCharsets.US_ASCII));
          txn.commit();
        }
      }
    }
  }

  private static void deleteDatabaseFiles(Path scratch) throws IOException {
    Files.deleteIfExists(scratch.resolve("data.mdb"));
    Files.deleteIfExists(scratch.resolve("lock.mdb"));
  }

  @Override
  public void close() {
    env.close();
  }
}
