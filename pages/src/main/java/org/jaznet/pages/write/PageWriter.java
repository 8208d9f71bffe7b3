package org.jaznet.pages.write;

import java.io.IOException;
import java.io.OutputStream;
import org.jaznet.pages.DocumentResult;

/**
 * Writes the reading of one input file in one {@link PageFormat}. A writer is stateless and
 * thread-safe; it writes UTF-8, flushes {@code out} when done and leaves it open.
 */
public interface PageWriter {
  /** The format this writer writes. */
  PageFormat format();

  /**
   * Writes {@code doc} to {@code out}.
   *
   * @throws IOException when {@code out} fails (an XML writer's failure is reported as one too)
   */
  void write(DocumentResult doc, OutputStream out) throws IOException;
}
