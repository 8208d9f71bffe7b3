package org.jaznet.pipeline.pages;

import java.io.Serializable;
import java.util.Objects;

/** The small serializable records that flow between the page pipeline's steps. */
final class PageRecords {
  private PageRecords() {}

  /**
   * A page file to read.
   *
   * @param source the name results carry (path, or {@code archive!entry})
   * @param outName the output file's name before its suffix, unique in the run
   * @param path the file, or the archive holding the entry
   * @param entry the archive entry, or null
   * @param ordinal the entry's position in its archive, or -1
   */
  record PageFile(String source, String outName, String path, String entry, int ordinal) implements Serializable {
    private static final long serialVersionUID = 1L;

    PageFile {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(outName, "outName");
    }
  }

  /**
   * One page of a file, without its words: it carries the page size, and makes a page without words
   * still appear in its file's output.
   */
  record PageHeader(String source, String outName, int page, int width, int height, int words) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A detected word: where it is, and its grey pixels with the reading margin (row-major, w x h). */
  record WordCrop(String source, int page, int index, int x, int y, int w, int h, int line, int block,
      int cropW, int cropH, byte[] grey) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A word read. */
  record ReadWord(String source, int page, int index, int x, int y, int w, int h, int line, int block,
      String text, double confidence) implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
