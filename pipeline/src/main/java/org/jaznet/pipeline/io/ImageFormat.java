package org.jaznet.pipeline.io;

/** Image container formats told apart by their first bytes. */
public enum ImageFormat {
  PNG, JPEG, GIF, BMP, TIFF, UNKNOWN
}
