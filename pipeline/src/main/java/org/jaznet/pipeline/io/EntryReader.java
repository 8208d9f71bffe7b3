package org.jaznet.pipeline.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * Reads the bytes of the file or archive entry a {@link WordRef} names. Keeps a few archives open
 * (zip and tar by random access; a compressed tar as a forward cursor, cheapest when refs come in
 * ordinal order). Not thread-safe: one per DoFn instance. Close it when done.
 */
public final class EntryReader implements AutoCloseable {
  /** Largest file or entry read into memory. */
  public static final long MAX_BYTES = 256L << 20;
  private static final int OPEN_ARCHIVES = 4;

  private final Map<String, AutoCloseable> open = new LinkedHashMap<>(8, 0.75f, true);

  /** The bytes of the ref's file or entry; the message of the exception is the failure reason. */
  public byte[] read(WordRef ref) throws ImageRejectedException {
    Path path = Path.of(ref.path());
    try {
      if (ref.entry() == null) {
        return readFile(path);
      }
      ArchiveKind kind = ArchiveKind.ofName(path.getFileName().toString())
          .orElseThrow(() -> new ImageRejectedException(ref.path() + " is not a .zip, .tar, .tar.gz or .tgz archive"));
      return switch (kind) {
        case ZIP -> readZip(ref);
        case TAR -> readTar(ref);
        case TAR_GZ -> readTarGz(ref);
      };
    } catch (NoSuchFileException e) {
      throw new ImageRejectedException("file not found: " + ref.path(), e);
    } catch (AccessDeniedException e) {
      throw new ImageRejectedException("unreadable: permission denied", e);
    } catch (IOException e) {
      drop(ref.path());
      throw new ImageRejectedException("unreadable: " + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static byte[] readFile(Path path) throws IOException, ImageRejectedException {
    checkSize(requireRegularFile(path).size());
    try (InputStream in = Files.newInputStream(path)) {
      return readLimited(in);
    }
  }

  /**
   * The attributes of a regular file (links followed); anything else is refused before it is opened: a
   * device such as /dev/zero reads forever and a FIFO blocks in open().
   */
  static BasicFileAttributes requireRegularFile(Path path) throws IOException, ImageRejectedException {
    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
    if (a.isDirectory()) {
      throw new ImageRejectedException("a directory, not an image file");
    }
    if (!a.isRegularFile()) {
      throw new ImageRejectedException("not a regular file (device, FIFO or socket)");
    }
    return a;
  }

  private static void checkSize(long size) throws ImageRejectedException {
    if (size > MAX_BYTES) {
      throw new ImageRejectedException("file is " + size + " bytes, over the " + MAX_BYTES + "-byte limit");
    }
  }

  private byte[] readZip(WordRef ref) throws IOException, ImageRejectedException {
    requireRegularFile(Path.of(ref.path()));
    ZipFile zip = (ZipFile) cached(ref.path(), () -> new ZipFile(ref.path()));
    ZipEntry e = zip.getEntry(ref.entry());
    if (e == null) {
      throw new ImageRejectedException("no entry " + ref.entry() + " in " + ref.path());
    }
    checkSize(e.getSize());
    try (InputStream in = zip.getInputStream(e)) {
      return readLimited(in);
    }
  }

  private byte[] readTar(WordRef ref) throws IOException, ImageRejectedException {
    requireRegularFile(Path.of(ref.path()));
    TarIndex t = (TarIndex) cached(ref.path(), () -> new TarIndex(new TarFile(Path.of(ref.path()))));
    TarArchiveEntry e = t.byName.get(ref.entry());
    if (e == null) {
      throw new ImageRejectedException("no entry " + ref.entry() + " in " + ref.path());
    }
    checkSize(e.getSize());
    try (InputStream in = t.file.getInputStream(e)) {
      return readLimited(in);
    }
  }

  private byte[] readTarGz(WordRef ref) throws IOException, ImageRejectedException {
    TarCursor c = (TarCursor) open.get(ref.path());
    boolean behind = c == null || (ref.ordinal() >= 0 ? ref.ordinal() < c.next : true);
    if (behind) {
      requireRegularFile(Path.of(ref.path()));
      drop(ref.path());
      c = (TarCursor) cached(ref.path(), () -> new TarCursor(ArchiveLister.openTar(Path.of(ref.path()), ArchiveKind.TAR_GZ)));
    }
    TarArchiveEntry e;
    while ((e = c.in.getNextEntry()) != null) {
      int ordinal = c.next++;
      boolean hit = ref.ordinal() >= 0 ? ordinal == ref.ordinal() : e.getName().equals(ref.entry());
      if (hit) {
        if (!e.getName().equals(ref.entry())) {
          throw new ImageRejectedException("entry " + ref.ordinal() + " of " + ref.path() + " is " + e.getName()
              + ", not " + ref.entry() + " (archive changed since listing)");
        }
        checkSize(e.getSize());
        return readLimited(c.in);
      }
    }
    drop(ref.path());
    throw new ImageRejectedException("no entry " + ref.entry() + " in " + ref.path());
  }

  private static byte[] readLimited(InputStream in) throws IOException, ImageRejectedException {
    byte[] b = in.readNBytes((int) MAX_BYTES + 1);
    checkSize(b.length);
    return b;
  }

  private interface Opener {
    AutoCloseable open() throws IOException;
  }

  private AutoCloseable cached(String key, Opener opener) throws IOException {
    AutoCloseable c = open.get(key);
    if (c == null) {
      c = opener.open();
      open.put(key, c);
      if (open.size() > OPEN_ARCHIVES) {
        Iterator<Map.Entry<String, AutoCloseable>> eldest = open.entrySet().iterator();
        closeQuietly(eldest.next().getValue());
        eldest.remove();
      }
    }
    return c;
  }

  private void drop(String key) {
    AutoCloseable c = open.remove(key);
    if (c != null) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing a read-only handle: nothing to recover
    }
  }

  @Override
  public void close() {
    open.values().forEach(EntryReader::closeQuietly);
    open.clear();
  }

  private record TarIndex(TarFile file, Map<String, TarArchiveEntry> byName) implements AutoCloseable {
    TarIndex(TarFile file) {
      this(file, index(file));
    }

    private static Map<String, TarArchiveEntry> index(TarFile file) {
      Map<String, TarArchiveEntry> m = new HashMap<>();
      for (TarArchiveEntry e : file.getEntries()) {
        m.putIfAbsent(e.getName(), e);
      }
      return m;
    }

    @Override
    public void close() throws IOException {
      file.close();
    }
  }

  private static final class TarCursor implements AutoCloseable {
    final TarArchiveInputStream in;
    int next;

    TarCursor(TarArchiveInputStream in) {
      this.in = in;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
