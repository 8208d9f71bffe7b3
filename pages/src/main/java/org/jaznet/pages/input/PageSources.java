package org.jaznet.pages.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jaznet.pages.PageException;

/** Opens a page file by what its bytes are (never by its name): PNG, JPEG, BMP, GIF, TIFF or PDF. */
public final class PageSources {
  /** Largest page file read into memory. */
  public static final long MAX_FILE_BYTES = 512L << 20;

  private PageSources() {}

  /** The kinds of page file, told apart by their first bytes. */
  enum Kind { PNG, JPEG, BMP, GIF, TIFF, PDF }

  /**
   * Opens {@code bytes}, named {@code source} in results and errors.
   *
   * @throws PageException naming {@code source}, for an unknown, malformed, encrypted or oversized file
   */
  public static PageSource open(String source, byte[] bytes, PageLimits limits) throws PageException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(limits, "limits");
    Kind kind = sniff(bytes);
    if (kind == null) {
      throw new PageException(source + ": not a PNG, JPEG, TIFF, BMP, GIF or PDF file"
          + (bytes.length == 0 ? " (empty)" : ""));
    }
    return switch (kind) {
      case PDF -> PdfPageSource.open(source, bytes, limits);
      case TIFF -> TiffPageSource.open(source, bytes, limits);
      default -> ImagePageSource.open(source, bytes, limits);
    };
  }

  /** Opens a file on disk, named by its path. */
  public static PageSource open(Path file, PageLimits limits) throws PageException {
    String source = file.toString();
    try {
      if (!Files.isRegularFile(file)) {
        throw new PageException(source + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new PageException(source + ": file of " + size + " bytes is over the limit of " + MAX_FILE_BYTES);
      }
      return open(source, Files.readAllBytes(file), limits);
    } catch (IOException e) {
      throw new PageException(source + ": cannot read: " + e.getMessage(), e);
    }
  }

  static Kind sniff(byte[] b) {
    if (starts(b, 0x89, 'P', 'N', 'G')) {
      return Kind.PNG;
    }
    if (starts(b, 0xFF, 0xD8, 0xFF)) {
      return Kind.JPEG;
    }
    if (starts(b, 'I', 'I', 42, 0) || starts(b, 'M', 'M', 0, 42)) {
      return Kind.TIFF;
    }
    if (starts(b, 'B', 'M')) {
      return Kind.BMP;
    }
    if (starts(b, 'G', 'I', 'F', '8')) {
      return Kind.GIF;
    }
    // PDF readers accept the header anywhere in the first KB
    int scan = Math.min(b.length - 5, 1024);
    for (int i = 0; i <= scan; i++) {
      if (b[i] == '%' && b[i + 1] == 'P' && b[i + 2] == 'D' && b[i + 3] == 'F' && b[i + 4] == '-') {
        return Kind.PDF;
      }
    }
    return null;
  }

  private static boolean starts(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
