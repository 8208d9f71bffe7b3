package org.jaznet.pipeline.io;

import java.util.Locale;
import java.util.Set;

/** Which file and entry names count as images. */
public final class ImageFiles {
  /** Extensions of image files and archive entries that are inputs. */
  public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "tif", "tiff", "bmp", "gif");

  private ImageFiles() {}

  public static boolean isImageName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    String base = name.substring(slash + 1);
    int dot = base.lastIndexOf('.');
    return dot > 0 && EXTENSIONS.contains(base.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
