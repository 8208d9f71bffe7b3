package org.jaznet.pages.input;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An {@link javax.imageio.stream.ImageInputStream} over a byte array that, unlike
 * {@link javax.imageio.stream.MemoryCacheImageInputStream}, reports its {@link #length()}, so that ImageIO
 * readers can bound declared counts and offsets by the real data size.
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {
  private final byte[] data;

  ByteArrayImageInputStream(byte[] data) {
    this.data = checkNotNull(data, "data");
  }

  @Override
  public int read() throws IOException {
    checkClosed();
    bitOffset = 0;
    return streamPos < data.length ? data[(int) streamPos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    checkClosed();
    if (off < 0 || len < 0 || off + len > b.length || off + len < 0) {
      throw new IndexOutOfBoundsException("off " + off + ", len " + len + ", buffer " + b.length);
    }
    bitOffset = 0;
    if (len == 0) {
      return 0;
    }
    if (streamPos >= data.length) {
      return -1;
    }
    int n = (int) Math.min(len, data.length - streamPos);
    System.arraycopy(data, (int) streamPos, b, off, n);
    streamPos += n;
    return n;
  }

  @Override
  public long length() {
    return data.length;
  }
}
