package org.jaznet.pipeline.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Lists the image entries of a zip or tar(.gz) archive as {@link WordRef}s, streaming. Entry names are
 * only ever used as names: entries named {@code ../x.png} or {@code /etc/x.png} are read like any other
 * and nothing is ever written to a path taken from an archive.
 */
public final class ArchiveLister {
  private ArchiveLister() {}

  /**
   * Calls {@code sink} for every image entry. Throws, naming the archive, if it cannot be read; entries
   * reported before a truncation stay reported.
   */
  public static long list(Path archive, Consumer<WordRef> sink) throws IOException {
    return list(archive, ImageFiles::isImageName, sink);
  }

  /** As {@link #list(Path, Consumer)}, for the entries whose names {@code names} accepts. */
  public static long list(Path archive, java.util.function.Predicate<String> names, Consumer<WordRef> sink) throws IOException {
    ArchiveKind kind = ArchiveKind.ofName(archive.getFileName().toString())
        .orElseThrow(() -> new IOException(archive + " is not a .zip, .tar, .tar.gz or .tgz archive"));
    String path = archive.toAbsolutePath().normalize().toString();
    try {
      EntryReader.requireRegularFile(archive);
    } catch (ImageRejectedException e) {
      throw new IOException("archive " + path + ": " + e.getMessage(), e);
    }
    try {
      return listEntries(archive, kind, path, names, sink);
    } catch (IOException e) {
      throw new IOException("archive " + path + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }
  }

  private static long listEntries(Path archive, ArchiveKind kind, String path,
      java.util.function.Predicate<String> names, Consumer<WordRef> sink)
      throws IOException {
    long n = 0;
    if (kind == ArchiveKind.ZIP) {
      try (ZipFile zip = new ZipFile(archive.toFile())) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        int ordinal = 0;
        while (entries.hasMoreElements()) {
          ZipEntry e = entries.nextElement();
          if (!e.isDirectory() && names.test(e.getName())) {
            sink.accept(WordRef.entry(path, e.getName(), ordinal));
            n++;
          }
          ordinal++;
        }
      }
      return n;
    }
    try (TarArchiveInputStream tar = openTar(archive, kind)) {
      int ordinal = 0;
      TarArchiveEntry e;
      while ((e = tar.getNextEntry()) != null) {
        if (e.isFile() && names.test(e.getName())) {
          sink.accept(WordRef.entry(path, e.getName(), ordinal));
          n++;
        }
        ordinal++;
      }
    }
    return n;
  }

  static TarArchiveInputStream openTar(Path archive, ArchiveKind kind) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
    try {
      if (kind == ArchiveKind.TAR_GZ) {
        in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      }
      return new TarArchiveInputStream(in);
    } catch (IOException e) {
      in.close();
      throw e;
    }
  }
}
