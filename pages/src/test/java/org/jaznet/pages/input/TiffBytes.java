package org.jaznet.pages.input;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Patches single-valued tags of the first directory of a TIFF file in place, for hostile-header tests. */
final class TiffBytes {
  private static final int SHORT = 3;
  private static final int LONG = 4;

  private TiffBytes() {}

  /**
   * Sets tag {@code tag} of the first IFD of {@code tiff} to {@code value} (its first value when it has
   * several), keeping the tag's SHORT or LONG type: a SHORT gets {@code min(value, 65535)}.
   *
   * @throws IllegalArgumentException when the tag is missing or of another type
   */
  static void setTag(byte[] tiff, int tag, long value) {
    ByteBuffer b = ByteBuffer.wrap(tiff);
    b.order(tiff[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int ifd = b.getInt(4);
    int n = Short.toUnsignedInt(b.getShort(ifd));
    for (int i = 0; i < n; i++) {
      int e = ifd + 2 + 12 * i;
      if (Short.toUnsignedInt(b.getShort(e)) != tag) {
        continue;
      }
      int type = b.getShort(e + 2);
      long count = Integer.toUnsignedLong(b.getInt(e + 4));
      int at = e + 8;
      if (type == SHORT && count > 2 || type == LONG && count > 1) {
        at = b.getInt(e + 8);
      }
      if (type == SHORT) {
        b.putShort(at, (short) Math.min(value, 0xffff));
      } else if (type == LONG) {
        b.putInt(at, (int) value);
      } else {
        throw new IllegalArgumentException("tag " + tag + " has type " + type);
      }
      return;
    }
    throw new IllegalArgumentException("no tag " + tag + " in the first IFD");
  }
}
