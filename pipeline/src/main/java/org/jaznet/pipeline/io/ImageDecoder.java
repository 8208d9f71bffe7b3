package org.jaznet.pipeline.io;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Turns file bytes into an 8-bit grey or BGR {@link BufferedImage}, or a clear reason why not.
 * OpenCV decodes first (EXIF orientation and CMYK JPEG handled by its codecs); ImageIO takes over
 * where OpenCV cannot (GIF, whose first frame is used). Sizes are checked from the header before any
 * pixel is decoded; 16-bit samples become 8-bit; alpha is composited on white. Thread-safe.
 */
public final class ImageDecoder {
  /** Longest side accepted; a longer one (such as 100000x1) is refused from the header. */
  public static final long MAX_SIDE = 30_000;
  /** Most pixels accepted (a 600 dpi A4 page is about 35 M). */
  public static final long MAX_PIXELS = 40_000_000;

  static {
    nu.pattern.OpenCV.loadLocally();
  }

  private ImageDecoder() {}

  /** Decodes one file's bytes. */
  public static BufferedImage decode(byte[] bytes) throws ImageRejectedException {
    if (bytes.length == 0) {
      throw new ImageRejectedException("empty file (0 bytes)");
    }
    ImageHeader header = ImageHeader.probe(bytes);
    if (header.sizeKnown()) {
      checkSize(header.width(), header.height(), "header declares");
    }
    switch (header.format()) {
      case JPEG -> {
        if (!tailContains(bytes, 4096, (byte) 0xFF, (byte) 0xD9)) {
          throw new ImageRejectedException("truncated JPEG: no end-of-image marker");
        }
        return openCv(bytes, Imgcodecs.IMREAD_COLOR, header);
      }
      case PNG -> {
        if (!tailContains(bytes, 64, (byte) 'I', (byte) 'E', (byte) 'N', (byte) 'D')) {
          throw new ImageRejectedException("truncated PNG: no IEND chunk");
        }
        checkPngCrcs(bytes);
        return openCv(bytes, Imgcodecs.IMREAD_UNCHANGED, header);
      }
      case GIF -> {
        return imageIo(bytes, header);
      }
      case BMP, TIFF -> {
        return openCv(bytes, Imgcodecs.IMREAD_UNCHANGED, header);
      }
      default -> {
        return imageIo(bytes, header);
      }
    }
  }

  private static void checkSize(long w, long h, String what) throws ImageRejectedException {
    if (w <= 0 || h <= 0) {
      throw new ImageRejectedException(what + " an empty size " + w + "x" + h);
    }
    if (w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS) {
      throw new ImageRejectedException(what + " " + w + "x" + h + " pixels, over the limit (side <= "
          + MAX_SIDE + ", pixels <= " + MAX_PIXELS + "); refused before decoding");
    }
  }

  private static BufferedImage openCv(byte[] bytes, int flags, ImageHeader header) throws ImageRejectedException {
    Mat raw = null;
    MatOfByte buf = new MatOfByte(bytes);
    try {
      raw = Imgcodecs.imdecode(buf, flags);
      if (raw == null || raw.empty()) {
        return imageIo(bytes, header);
      }
      return toBufferedImage(raw);
    } finally {
      buf.release();
      if (raw != null) {
        raw.release();
      }
    }
  }

  /** Converts any OpenCV depth and channel count to an 8-bit grey or BGR image. */
  static BufferedImage toBufferedImage(Mat m) throws ImageRejectedException {
    Mat eight = m;
    try {
      int depth = m.depth();
      if (depth == CvType.CV_16U) {
        eight = new Mat();
        m.convertTo(eight, CvType.CV_8U, 1.0 / 257.0);
      } else if (depth == CvType.CV_32F || depth == CvType.CV_64F) {
        eight = new Mat();
        m.convertTo(eight, CvType.CV_8U, 255.0);
      } else if (depth != CvType.CV_8U) {
        eight = new Mat();
        Core.normalize(m, eight, 0, 255, Core.NORM_MINMAX, CvType.CV_8U);
      }
      int w = eight.cols();
      int h = eight.rows();
      int ch = eight.channels();
      byte[] px = new byte[w * h * ch];
      eight.get(0, 0, px);
      return switch (ch) {
        case 1 -> {
          BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
          System.arraycopy(px, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, px.length);
          yield img;
        }
        case 3 -> {
          BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
          System.arraycopy(px, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, px.length);
          yield img;
        }
        case 4 -> {
          BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
          byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
          for (int i = 0, j = 0; i < px.length; i += 4, j += 3) {
            int a = px[i + 3] & 0xFF;
            int white = 255 * (255 - a);
            dst[j] = (byte) (((px[i] & 0xFF) * a + white + 127) / 255);
            dst[j + 1] = (byte) (((px[i + 1] & 0xFF) * a + white + 127) / 255);
            dst[j + 2] = (byte) (((px[i + 2] & 0xFF) * a + white + 127) / 255);
          }
          yield img;
        }
        default -> throw new ImageRejectedException("unsupported channel count " + ch);
      };
    } finally {
      if (eight != m) {
        eight.release();
      }
    }
  }

  private static BufferedImage imageIo(byte[] bytes, ImageHeader header) throws ImageRejectedException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new ImageRejectedException(header.format() == ImageFormat.UNKNOWN
            ? "not an image: unknown format (first bytes " + firstBytes(bytes) + ")"
            : "corrupt " + header.format() + ": no decoder could read it");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        checkSize(reader.getWidth(0), reader.getHeight(0), "header declares");
        BufferedImage src = reader.read(0);
        return flatten(src);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new ImageRejectedException("corrupt " + (header.format() == ImageFormat.UNKNOWN ? "image" : header.format())
          + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }
  }

  /** Any ImageIO image (palette, alpha, 16-bit) drawn onto white as 8-bit grey or BGR. */
  static BufferedImage flatten(BufferedImage src) {
    boolean grey = src.getColorModel().getNumColorComponents() == 1 && !src.getColorModel().hasAlpha()
        && src.getType() != BufferedImage.TYPE_BYTE_INDEXED && src.getType() != BufferedImage.TYPE_BYTE_BINARY;
    BufferedImage dst = new BufferedImage(src.getWidth(), src.getHeight(),
        grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = dst.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, dst.getWidth(), dst.getHeight());
      g.drawImage(src, 0, 0, null);
    } finally {
      g.dispose();
    }
    return dst;
  }

  /** A copy of the box's pixels (the page image can then be dropped). */
  public static BufferedImage crop(BufferedImage img, Box box) throws ImageRejectedException {
    if (!box.fitsIn(img.getWidth(), img.getHeight())) {
      throw new ImageRejectedException("box " + box + " lies outside the " + img.getWidth() + "x" + img.getHeight() + " image");
    }
    BufferedImage dst = new BufferedImage(box.w(), box.h(), img.getType());
    Graphics2D g = dst.createGraphics();
    try {
      g.drawImage(img.getSubimage(box.x(), box.y(), box.w(), box.h()), 0, 0, null);
    } finally {
      g.dispose();
    }
    return dst;
  }

  /** Verifies the CRC of every critical PNG chunk (ImageIO, the fallback, does not). */
  static void checkPngCrcs(byte[] b) throws ImageRejectedException {
    int p = 8;
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    while (p + 12 <= b.length) {
      long len = ((b[p] & 0xFFL) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
      if (len > b.length - p - 12L) {
        throw new ImageRejectedException("corrupt PNG: chunk at byte " + p + " declares " + len + " bytes, past the end");
      }
      String type = new String(b, p + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      int end = p + 8 + (int) len;
      if (Character.isUpperCase(type.charAt(0))) {
        crc.reset();
        crc.update(b, p + 4, 4 + (int) len);
        long stored = ((b[end] & 0xFFL) << 24) | ((b[end + 1] & 0xFF) << 16) | ((b[end + 2] & 0xFF) << 8) | (b[end + 3] & 0xFF);
        if (crc.getValue() != stored) {
          throw new ImageRejectedException("corrupt PNG: CRC mismatch in chunk " + type);
        }
      }
      if (type.equals("IEND")) {
        return;
      }
      p = end + 4;
    }
  }

  private static boolean tailContains(byte[] b, int window, byte... seq) {
    for (int i = b.length - seq.length; i >= Math.max(0, b.length - window); i--) {
      boolean hit = true;
      for (int k = 0; k < seq.length && hit; k++) {
        hit = b[i + k] == seq[k];
      }
      if (hit) {
        return true;
      }
    }
    return false;
  }

  private static String firstBytes(byte[] b) {
    int n = Math.min(8, b.length);
    byte[] head = new byte[n];
    System.arraycopy(b, 0, head, 0, n);
    return HexFormat.ofDelimiter(" ").formatHex(head);
  }
}
