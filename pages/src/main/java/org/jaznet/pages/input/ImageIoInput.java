package org.jaznet.pages.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import org.jaznet.pages.PageException;

/**
 * An ImageIO reader bound to one input, with the input's length in bytes. Shared by
 * {@link ImagePageSource} and {@link TiffPageSource}; closing it disposes the reader and closes the
 * stream.
 *
 * @param source the input as the user named it
 * @param reader the reader, its input already set
 * @param stream the stream the reader reads
 * @param length the input's size in bytes
 */
record ImageIoInput(String source, ImageReader reader, ImageInputStream stream, long length)
    implements AutoCloseable {

  /** A reader of {@code formatName} over {@code bytes}. */
  static ImageIoInput of(String source, String formatName, byte[] bytes) throws PageException {
    return bind(source, formatName, new ByteArrayImageInputStream(bytes), bytes.length);
  }

  /** A reader of {@code formatName} over {@code file}. */
  static ImageIoInput of(String source, String formatName, Path file) throws PageException {
    ImageInputStream in;
    long length;
    try {
      in = new FileImageInputStream(file.toFile());
      length = in.length();
    } catch (IOException e) {
      throw new PageException(source + ": cannot be read: " + e.getMessage(), e);
    }
    return bind(source, formatName, in, length);
  }

  private static ImageIoInput bind(String source, String formatName, ImageInputStream in, long length)
      throws PageException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
    if (!readers.hasNext()) {
      closeQuietly(in);
      throw new PageException(source + ": no ImageIO reader for " + formatName);
    }
    ImageReader reader = readers.next();
    reader.setInput(in, false, false);
    return new ImageIoInput(source, reader, in, length);
  }

  @Override
  public void close() {
    reader.dispose();
    closeQuietly(stream);
  }

  private static void closeQuietly(ImageInputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // Nothing was written; a failing close of an input loses nothing.
    }
  }
}
