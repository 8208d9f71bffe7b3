package org.jaznet.recognizer.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;

/**
 * Word images with their labels, indexed 0..size-1. Implementations are safe for concurrent
 * {@link #image} calls.
 */
public interface LabelledDataset extends AutoCloseable {
  /** A short name for reports (the folder name). */
  String name();

  int size();

  /** The label as the source gives it (case kept). */
  String label(int i);

  /** Where item {@code i} comes from (a path or a key), for messages. */
  String id(int i);

  /** Decodes item {@code i}; the exception names the item. */
  BufferedImage image(int i) throws IOException;

  @Override
  void close();
}
