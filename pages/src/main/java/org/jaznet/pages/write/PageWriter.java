package org.jaznet.pages.write;

import java.io.IOException;
import java.io.OutputStream;
import org.jaznet.pages.DocumentResult;

/** Writes a document's reading in one format. Implementations are stateless and thread-safe. */
public interface PageWriter {
  /** Writes {@code doc} to {@code out} (UTF-8); does not close {@code out}. */
  void write(DocumentResult doc, OutputStream out) throws IOException;
}
