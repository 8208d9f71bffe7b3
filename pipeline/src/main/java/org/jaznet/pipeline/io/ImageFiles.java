package org.jaznet.pipeline.io;

import java.util.Locale;
import java.util.Set;

/** Which file and entry names count as images. */
public final class ImageFiles {
  /** Extensions of image files and archive entries that are inputs. */
  public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "tif", "tiff", "bmp", "gif");

  /** Extensions of page files (images and PDF documents) that are inputs of page reading. */
  public static final Set<String> PAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "tif", "tiff", "bmp", "gif", "pdf");

  private ImageFiles() {}

  /** Whether an archive entry name is a page file: an image or a PDF. */
  public static boolean isPageName(String name) {
    return hasExtension(name, PAGE_EXTENSIONS);
  }

  public static boolean isImageName(String name) {
    return hasExtension(name, EXTENSIONS);
  }

  private static boolean hasExtension(String name, Set<String> extensions) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    String base = name.substring(slash + 1);
    int dot = base.lastIndexOf('.');
    return dot > 0 && extensions.contains(base.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
