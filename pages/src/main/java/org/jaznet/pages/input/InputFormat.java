package org.jaznet.pages.input;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The page file formats {@link PageSources} reads, recognised by their leading magic bytes. */
public enum InputFormat {
  PNG,
  JPEG,
  TIFF,
  BMP,
  PDF;

  /** How many leading bytes {@link #sniff} looks at at most. */
  public static final int SNIFF_BYTES = 1024;

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG_MAGIC = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] TIFF_LE = {'I', 'I', 42, 0};
  private static final byte[] TIFF_BE = {'M', 'M', 0, 42};
  private static final byte[] BMP_MAGIC = {'B', 'M'};
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  /**
   * The format of a file starting with {@code head} (the extension is never consulted). A PDF header may
   * follow up to 1 KB of leading junk, as PDF readers tolerate; the other magics must start the file.
   */
  public static Optional<InputFormat> sniff(byte[] head) {
    if (startsWith(head, 0, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (startsWith(head, 0, JPEG_MAGIC)) {
      return Optional.of(JPEG);
    }
    if (startsWith(head, 0, TIFF_LE) || startsWith(head, 0, TIFF_BE)) {
      return Optional.of(TIFF);
    }
    if (startsWith(head, 0, PDF_MAGIC)) {
      return Optional.of(PDF);
    }
    if (startsWith(head, 0, BMP_MAGIC) && head.length >= 26) {
      return Optional.of(BMP);
    }
    int end = Math.min(head.length, SNIFF_BYTES) - PDF_MAGIC.length;
    for (int i = 1; i <= end; i++) {
      if (startsWith(head, i, PDF_MAGIC)) {
        return Optional.of(PDF);
      }
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] data, int offset, byte[] magic) {
    if (data.length - offset < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (data[offset + i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
