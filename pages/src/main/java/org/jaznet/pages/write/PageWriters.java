package org.jaznet.pages.write;

import java.util.Objects;

/** The writer of each {@link PageFormat}. */
public final class PageWriters {
  private PageWriters() {}

  public static PageWriter of(PageFormat format) {
    return switch (Objects.requireNonNull(format, "format")) {
      case JSON -> new JsonPageWriter();
      case TEXT -> new TextPageWriter();
      case HOCR -> new HocrPageWriter();
      case ALTO -> new AltoPageWriter();
    };
  }
}
