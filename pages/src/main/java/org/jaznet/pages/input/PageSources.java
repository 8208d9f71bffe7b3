package org.jaznet.pages.input;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.jaznet.pages.PageException;

/**
 * Opens page inputs as {@link PageSource}s. The format is recognised from the leading bytes (see
 * {@link InputFormat#sniff}), never from the file name: PNG, JPEG and BMP become an
 * {@link ImagePageSource}, TIFF a {@link TiffPageSource}, PDF a {@link PdfPageSource}.
 */
public final class PageSources {
  private PageSources() {}

  /**
   * Opens the input {@code source} whose content is {@code bytes}.
   *
   * @throws PageException naming {@code source}, for an unknown format or an input refused by its reader
   */
  public static PageSource open(String source, byte[] bytes, PageLimits limits) throws PageException {
    checkNotNull(source, "source");
    checkNotNull(bytes, "bytes");
    checkNotNull(limits, "limits");
    InputFormat format = sniff(source, bytes);
    return switch (format) {
      case PDF -> PdfPageSource.open(source, new RandomAccessReadBuffer(bytes), limits);
      case TIFF -> TiffPageSource.open(ImageIoInput.of(source, "tiff", bytes), limits);
      default -> ImagePageSource.open(ImageIoInput.of(source, readerName(format), bytes), format, limits);
    };
  }

  /**
   * Opens {@code file}, named by its path in messages. The file is read from disk as needed rather than
   * loaded whole.
   *
   * @throws PageException naming the file, when it cannot be read, has an unknown format or is refused
   */
  public static PageSource open(Path file, PageLimits limits) throws PageException {
    checkNotNull(file, "file");
    checkNotNull(limits, "limits");
    String source = file.toString();
    InputFormat format = sniff(source, head(source, file));
    switch (format) {
      case PDF:
        RandomAccessRead in;
        try {
          in = new RandomAccessReadBufferedFile(file);
        } catch (IOException e) {
          throw new PageException(source + ": cannot be read: " + e.getMessage(), e);
        }
        return PdfPageSource.open(source, in, limits);
      case TIFF:
        return TiffPageSource.open(ImageIoInput.of(source, "tiff", file), limits);
      default:
        return ImagePageSource.open(ImageIoInput.of(source, readerName(format), file), format, limits);
    }
  }

  private static InputFormat sniff(String source, byte[] head) throws PageException {
    return InputFormat.sniff(head)
        .orElseThrow(() -> new PageException(source + ": not a PNG, JPEG, TIFF, BMP or PDF file"));
  }

  private static byte[] head(String source, Path file) throws PageException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(InputFormat.SNIFF_BYTES);
    } catch (IOException e) {
      throw new PageException(source + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static String readerName(InputFormat format) {
    return format.name().toLowerCase(Locale.ROOT);
  }
}
