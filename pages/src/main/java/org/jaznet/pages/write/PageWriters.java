package org.jaznet.pages.write;

import java.util.Objects;

/** The {@link PageWriter} of each {@link PageFormat}. */
public final class PageWriters {
  private static final PageWriter JSON = new JsonPageWriter();
  private static final PageWriter TEXT = new TextPageWriter();
  private static final PageWriter HOCR = new HocrPageWriter();
  private static final PageWriter ALTO = new AltoPageWriter();

  private PageWriters() {}

  /** The writer of {@code format} (a shared, stateless instance). */
  public static PageWriter of(PageFormat format) {
    return switch (Objects.requireNonNull(format, "format")) {
      case JSON -> JSON;
      case TEXT -> TEXT;
      case HOCR -> HOCR;
      case ALTO -> ALTO;
    };
  }
}
