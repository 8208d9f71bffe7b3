package org.jaznet.pipeline.io;

/**
 * What an image file's header declares, read without decoding pixels.
 *
 * @param format the container format
 * @param width declared width, or -1 if the header could not be parsed
 * @param height declared height, or -1 if the header could not be parsed
 */
public record ImageHeader(ImageFormat format, long width, long height) {

  public boolean sizeKnown() {
    return width >= 0 && height >= 0;
  }

  /** Reads the format and declared size from the first bytes of a file. Never throws. */
  public static ImageHeader probe(byte[] b) {
    try {
      if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
        // IHDR is the first chunk: length(4) "IHDR"(4) width(4) height(4), big-endian
        if (b.length >= 24 && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R') {
          return new ImageHeader(ImageFormat.PNG, u32be(b, 16), u32be(b, 20));
        }
        return new ImageHeader(ImageFormat.PNG, -1, -1);
      }
      if (startsWith(b, 0xFF, 0xD8)) {
        return jpeg(b);
      }
      if (startsWith(b, 'G', 'I', 'F', '8')) {
        return b.length >= 10 ? new ImageHeader(ImageFormat.GIF, u16le(b, 6), u16le(b, 8))
            : new ImageHeader(ImageFormat.GIF, -1, -1);
      }
      if (startsWith(b, 'B', 'M') && b.length >= 26) {
        long dib = u32le(b, 14);
        if (dib == 12) {
          return new ImageHeader(ImageFormat.BMP, u16le(b, 18), u16le(b, 20));
        }
        int w = (int) u32le(b, 18);
        int h = (int) u32le(b, 22);
        return new ImageHeader(ImageFormat.BMP, Math.abs((long) w), Math.abs((long) h));
      }
      if (startsWith(b, 'I', 'I', 0x2A, 0x00) || startsWith(b, 'M', 'M', 0x00, 0x2A)) {
        return tiff(b);
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      // a header cut short: the size stays unknown and the decoder reports the file as broken
    }
    return new ImageHeader(ImageFormat.UNKNOWN, -1, -1);
  }

  private static ImageHeader jpeg(byte[] b) {
    int p = 2;
    while (p + 9 < b.length) {
      if ((b[p] & 0xFF) != 0xFF) {
        break;
      }
      int marker = b[p + 1] & 0xFF;
      if (marker == 0xFF) {
        p++;
        continue;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        p += 2;
        continue;
      }
      boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        return new ImageHeader(ImageFormat.JPEG, u16be(b, p + 7), u16be(b, p + 5));
      }
      p += 2 + u16be(b, p + 2);
    }
    return new ImageHeader(ImageFormat.JPEG, -1, -1);
  }

  private static ImageHeader tiff(byte[] b) {
    boolean le = b[0] == 'I';
    long ifd = le ? u32le(b, 4) : u32be(b, 4);
    int n = le ? u16le(b, (int) ifd) : u16be(b, (int) ifd);
    long w = -1;
    long h = -1;
    for (int i = 0; i < n; i++) {
      int e = (int) ifd + 2 + 12 * i;
      int tag = le ? u16le(b, e) : u16be(b, e);
      int type = le ? u16le(b, e + 2) : u16be(b, e + 2);
      long v;
      if (type == 3) {
        v = le ? u16le(b, e + 8) : u16be(b, e + 8);
      } else {
        v = le ? u32le(b, e + 8) : u32be(b, e + 8);
      }
      if (tag == 256) {
        w = v;
      } else if (tag == 257) {
        h = v;
      }
    }
    return new ImageHeader(ImageFormat.TIFF, w, h);
  }

  private static boolean startsWith(byte[] b, int... magic) {
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static int u16be(byte[] b, int p) {
    return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
  }

  private static int u16le(byte[] b, int p) {
    return ((b[p + 1] & 0xFF) << 8) | (b[p] & 0xFF);
  }

  private static long u32be(byte[] b, int p) {
    return ((long) u16be(b, p) << 16) | u16be(b, p + 2);
  }

  private static long u32le(byte[] b, int p) {
    return ((long) u16le(b, p + 2) << 16) | u16le(b, p);
  }
}
