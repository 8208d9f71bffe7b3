package org.jaznet.pages.input;

import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;

/**
 * The pages of one opened input file, decoded one at a time so that a long PDF or TIFF never holds more
 * than one page in memory. Not thread-safe; close it when done.
 */
public interface PageSource extends AutoCloseable {
  /** The input as the user named it. */
  String source();

  /** How many pages the file has (>= 1; a file with none is refused when opened). */
  int pageCount();

  /**
   * Decodes page {@code page} (1-based).
   *
   * @throws PageException naming {@code source#page=N} and the problem, for example a page over the
   *     pixel limit; other pages may still be readable
   */
  PageImage page(int page) throws PageException;

  @Override
  void close();
}
