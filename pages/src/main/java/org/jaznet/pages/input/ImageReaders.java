package org.jaznet.pages.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jaznet.pages.PageException;

/** Opens ImageIO readers over bytes, with errors that name the source. */
final class ImageReaders {
  private ImageReaders() {}

  /** An ImageIO reader positioned on {@code bytes}; the caller disposes it and closes its stream. */
  static ImageReader open(String source, byte[] bytes, String format) throws PageException {
    ImageInputStream in;
    try {
      in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new PageException(source + ": cannot read: " + e.getMessage(), e);
    }
    Iterator<ImageReader> it = ImageIO.getImageReaders(in);
    if (!it.hasNext()) {
      close(in);
      throw new PageException(source + ": not a readable " + format + " file");
    }
    ImageReader r = it.next();
    r.setInput(in, false, true);
    return r;
  }

  /** Refuses a page whose declared size is over {@code limits}, before any pixel is decoded. */
  static void checkSize(String id, long w, long h, PageLimits limits) throws PageException {
    if (w <= 0 || h <= 0) {
      throw new PageException(id + ": declares a size of " + w + "x" + h);
    }
    if (w * h > limits.maxPixels()) {
      throw new PageException(id + ": declares " + w + "x" + h + " = " + (w * h)
          + " pixels, over the limit of " + limits.maxPixels() + " (--max-pixels)");
    }
  }

  static void dispose(ImageReader r) {
    Object in = r.getInput();
    r.dispose();
    if (in instanceof ImageInputStream s) {
      close(s);
    }
  }

  private static void close(ImageInputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // a stream over a byte array: nothing to release
    }
  }
}
