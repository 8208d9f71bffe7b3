package org.jaznet.pages.detect;

import java.util.List;
import org.jaznet.pages.PageImage;

/**
 * Finds the words on a page and puts them in reading order (blocks, then lines top to bottom, then words
 * left to right). Implementations are thread-safe: one instance serves every thread of a pipeline.
 */
public interface WordDetector {
  /** The words of {@code page}, in reading order; an empty list for a page without text. */
  List<DetectedWord> detect(PageImage page);
}
