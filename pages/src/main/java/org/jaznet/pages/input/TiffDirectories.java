package org.jaznet.pages.input;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.stream.ImageInputStream;
import org.jaznet.pages.PageException;

/**
 * Counts the image file directories (pages) of a TIFF by walking their chain, stopping at a loop or at
 * {@code maxPages + 1}. The JDK reader's own {@code getNumImages(true)} follows a looping chain until it
 * runs out of memory.
 */
final class TiffDirectories {
  private TiffDirectories() {}

  /**
   * The number of directories in the TIFF read by {@code in}, whose size is {@code length} bytes; leaves
   * the stream at position 0. A next-directory offset of 0 or beyond the end of the file ends the chain.
   *
   * @throws PageException naming {@code source} for a looping chain, more than {@code maxPages}
   *     directories, or a header that cannot be read
   */
  static int count(String source, ImageInputStream in, long length, int maxPages) throws PageException {
    try {
      in.seek(0);
      int order = in.readUnsignedShort();
      in.setByteOrder(order == 0x4949 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
      in.readUnsignedShort(); // 42, checked by the sniffer
      long offset = in.readUnsignedInt();
      Set<Long> seen = new HashSet<>();
      int n = 0;
      while (offset >= 8 && offset + 2 <= length) {
        if (!seen.add(offset)) {
          throw new PageException(source + ": malformed TIFF: the directory chain loops at offset " + offset);
        }
        if (++n > maxPages) {
          throw new PageException(
              source + ": TIFF file has more than " + maxPages + " pages, over the limit of " + maxPages);
        }
        in.seek(offset);
        int entries = in.readUnsignedShort();
        long next = offset + 2 + 12L * entries;
        if (next + 4 > length) {
          break;
        }
        in.seek(next);
        offset = in.readUnsignedInt();
      }
      in.seek(0);
      return n;
    } catch (IOException e) {
      throw new PageException(source + ": malformed TIFF header: " + e.getMessage(), e);
    }
  }
}
