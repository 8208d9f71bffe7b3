package org.jaznet.tests.reliability;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Tiny files whose headers declare huge images (decompression bombs), one per container format. */
final class Bombs {
  private Bombs() {}

  /** A real 100x32 JPEG whose SOF0 frame header is patched to declare {@code w x h}. */
  static byte[] jpeg(int w, int h) throws IOException {
    byte[] b = HostileCorpus.jpeg(HostileCorpus.word("bomb"));
    for (int p = 2; p + 9 < b.length; ) {
      int marker = b[p + 1] & 0xFF;
      if (marker == 0xC0 || marker == 0xC2) {
        ByteBuffer.wrap(b, p + 5, 4).putShort((short) h).putShort((short) w);
        return b;
      }
      p += 2 + (((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF));
    }
    throw new IllegalStateException("no SOF marker in the JPEG");
  }

  /** A GIF89a whose logical screen and only image declare {@code w x h} (16-bit fields), with one LZW code. */
  static byte[] gif(int w, int h) {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    b.putShort((short) w).putShort((short) h).put((byte) 0x80).put((byte) 0).put((byte) 0);
    b.put(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
    b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) w).putShort((short) h).put((byte) 0);
    b.put((byte) 2).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0).put((byte) 0x3B);
    byte[] out = new byte[b.position()];
    b.flip().get(out);
    return out;
  }

  /** A BMP (BITMAPINFOHEADER, 24-bit) declaring {@code w x h} with no pixel data. */
  static byte[] bmp(int w, int h) {
    ByteBuffer b = ByteBuffer.allocate(54).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'B').put((byte) 'M').putInt(54).putInt(0).putInt(54);
    b.putInt(40).putInt(w).putInt(h).putShort((short) 1).putShort((short) 24).putInt(0).putInt(0)
        .putInt(2835).putInt(2835).putInt(0).putInt(0);
    return b.array();
  }
}
