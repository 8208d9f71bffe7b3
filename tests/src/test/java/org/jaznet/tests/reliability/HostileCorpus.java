package org.jaznet.tests.reliability;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * A corpus of hostile and unusual inputs, written at test time into a folder. Each {@link Case} says
 * what a correct reader does with it: produce a reading ({@link Expect#RESULT}) or a failure record
 * whose reason contains {@link Case#reason} ({@link Expect#FAILURE}).
 */
final class HostileCorpus {
  static final int W = 100;
  static final int H = 32;

  /** What a correct reader does; EITHER: a reading or a failure record, but never lost or duplicated. */
  enum Expect { RESULT, FAILURE, EITHER }

  /**
   * One input.
   *
   * @param name what it is
   * @param source the output contract's source of the input (path, {@code !entry}, {@code #box})
   * @param expect result or failure
   * @param reason for a failure, a fragment the reason must contain (lower case), else null
   */
  record Case(String name, String source, Expect expect, String reason) {}

  final Path dir;
  final List<Case> cases = new ArrayList<>();
  /** Files that must never appear (zip-slip targets). */
  final List<Path> mustNotExist = new ArrayList<>();

  private HostileCorpus(Path dir) {
    this.dir = dir;
  }

  /** The whole corpus under {@code dir/in} (images, archives) plus {@code dir/in/manifest.csv}. */
  static HostileCorpus write(Path root) throws IOException {
    HostileCorpus c = new HostileCorpus(Files.createDirectories(root.resolve("in")));
    c.writeAll();
    return c;
  }

  private void writeAll() throws IOException {
    BufferedImage word = word("hello");
    byte[] png = png(word);
    byte[] jpg = jpeg(word);

    ok("plain PNG", "plain.png", png);
    ok("16-bit grey PNG", "deep16.png", png(to16Bit(word)));
    ok("palette PNG with transparent entries", "palette-alpha.png", png(paletteWithAlpha(word)));
    ok("CMYK JPEG", "cmyk.jpg", cmykJpeg(word));
    ok("animated GIF (2 frames)", "animated.gif", animatedGif(word, word("world")));
    ok("JPEG named .png", "really-a-jpeg.png", jpg);
    ok("unicode file name", "słowo-ü-文字.png", png);
    ok("spaces in the name", "a  b   c .png", png);
    ok("BMP", "plain.bmp", encode(word, "bmp"));
    ok("TIFF", "plain.tiff", encode(word, "tiff"));

    fail("zero bytes", "empty.png", new byte[0], "empty");
    fail("PNG cut in half", "truncated.png", Arrays.copyOf(png, png.length / 2), "truncated");
    fail("JPEG cut in half", "truncated.jpg", Arrays.copyOf(jpg, jpg.length / 2), "truncated");
    fail("text named .jpg", "notes.jpg", "just some text, not an image\n".getBytes(StandardCharsets.UTF_8), "not an image");
    fail("PNG declaring 50000x50000 (decompression bomb)", "bomb.png", pngBomb(50_000, 50_000), "50000x50000");
    fail("1x100000 PNG", "sliver.png", png(new BufferedImage(1, 100_000, BufferedImage.TYPE_BYTE_GRAY)), "1x100000");
    // intact pixels behind a wrong IHDR CRC: refused since finding F4 was fixed
    fail("PNG with a broken IHDR CRC", "bad-crc.png", badIhdrCrc(png), "crc");
    fail("PNG with garbage IDAT and fixed CRC", "garbage-idat.png", garbageIdat(png), "png");

    // chmod 000: a failure for an ordinary user; root reads it anyway, and then it is simply an image
    Path locked = Files.write(dir.resolve("unreadable.png"), png);
    Files.setPosixFilePermissions(locked, java.util.Set.of());
    boolean rootReadsIt;
    try (var in = Files.newInputStream(locked)) {
      rootReadsIt = in.read() >= 0;
    } catch (IOException e) {
      rootReadsIt = false;
    }
    cases.add(rootReadsIt ? new Case("chmod 000 (read anyway: running as root)", locked.toString(), Expect.RESULT, null)
        : new Case("chmod 000", locked.toString(), Expect.FAILURE, "permission denied"));

    Path loopA = dir.resolve("loop-a.png");
    Path loopB = dir.resolve("loop-b.png");
    Files.createSymbolicLink(loopA, loopB.getFileName());
    Files.createSymbolicLink(loopB, loopA.getFileName());
    cases.add(new Case("symlink loop", loopA.toString(), Expect.FAILURE, "unreadable"));
    cases.add(new Case("symlink loop (other end)", loopB.toString(), Expect.FAILURE, "unreadable"));
    Files.createSymbolicLink(dir.resolve("dangling.png"), Path.of("no-such-target.png"));
    cases.add(new Case("dangling symlink", dir.resolve("dangling.png").toString(), Expect.FAILURE, "not found"));

    // zip-slip: names that would escape an extraction folder; they must be read, never written
    Path slip = dir.resolve("slip.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(slip))) {
      for (String n : List.of("../../slipped-x.png", "/tmp/jaznet-abs-slipped-x.png", "fine/ok.png")) {
        z.putNextEntry(new ZipEntry(n));
        z.write(png);
        z.closeEntry();
      }
    }
    for (String n : List.of("../../slipped-x.png", "/tmp/jaznet-abs-slipped-x.png", "fine/ok.png")) {
      cases.add(new Case("zip entry " + n, slip + "!" + n, Expect.RESULT, null));
    }
    mustNotExist.add(dir.resolve("../../slipped-x.png").normalize());
    mustNotExist.add(Path.of("/tmp/jaznet-abs-slipped-x.png"));

    byte[] zip = Files.readAllBytes(slip);
    Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(zip, zip.length * 2 / 3));
    cases.add(new Case("truncated zip", dir.resolve("truncated.zip").toString(), Expect.FAILURE, "zip"));

    byte[] tar = tar(List.of("w/one.png", "w/two.png"), List.of(png, png));
    Files.write(dir.resolve("truncated.tar"), Arrays.copyOf(tar, 512 + png.length / 2));
    cases.add(new Case("truncated tar: the cut entry", dir.resolve("truncated.tar") + "!w/one.png",
        Expect.FAILURE, "truncated tar archive"));
    cases.add(new Case("truncated tar: the archive", dir.resolve("truncated.tar").toString(),
        Expect.FAILURE, "archive broken after 1 image entries"));
    Files.write(dir.resolve("truncated.tgz"), Arrays.copyOf(gzip(tar), gzip(tar).length / 2));
    cases.add(new Case("truncated tar.gz: the cut entry", dir.resolve("truncated.tgz") + "!w/one.png",
        Expect.FAILURE, "unexpected end"));
    cases.add(new Case("truncated tar.gz: the archive", dir.resolve("truncated.tgz").toString(),
        Expect.FAILURE, "unexpected end"));
  }

  /** A manifest (beside the corpus folder) whose boxes lie partly or wholly outside the image, plus one inside. */
  Path boxManifest() throws IOException {
    Path m = dir.resolveSibling("boxes.csv");
    String img = dir.resolve("plain.png").toString();
    Files.writeString(m, String.join("\n",
        "path,x,y,w,h,label",
        "in/plain.png,0,0,50,32,hel",
        "in/plain.png,90,0,50,32,beyond",
        "in/plain.png,500,500,10,10,far",
        "in/plain.png,-1,0,10,10,negative",
        "in/plain.png,0,0,0,10,empty",
        "\"unclosed,0,0,1,1",
        "") + "\n", StandardCharsets.UTF_8);
    cases.add(new Case("box inside", img + "#0,0,50,32", Expect.RESULT, null));
    cases.add(new Case("box past the right edge", img + "#90,0,50,32", Expect.FAILURE, "outside"));
    cases.add(new Case("box far outside", img + "#500,500,10,10", Expect.FAILURE, "outside"));
    cases.add(new Case("negative box corner", m + ":5", Expect.FAILURE, "box"));
    cases.add(new Case("empty box", m + ":6", Expect.FAILURE, "box"));
    cases.add(new Case("unclosed quote", m + ":7", Expect.FAILURE, "quote"));
    return m;
  }

  private void ok(String name, String file, byte[] bytes) throws IOException {
    Path p = Files.write(dir.resolve(file), bytes);
    cases.add(new Case(name, p.toString(), Expect.RESULT, null));
  }

  private void either(String name, String file, byte[] bytes) throws IOException {
    Path p = Files.write(dir.resolve(file), bytes);
    cases.add(new Case(name, p.toString(), Expect.EITHER, null));
  }

  private void fail(String name, String file, byte[] bytes, String reason) throws IOException {
    Path p = Files.write(dir.resolve(file), bytes);
    cases.add(new Case(name, p.toString(), Expect.FAILURE, reason));
  }

  static BufferedImage word(String text) {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, W, H);
      g.setColor(Color.BLACK);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
      g.drawString(text, 6, 24);
    } finally {
      g.dispose();
    }
    return img;
  }

  static byte[] png(BufferedImage img) throws IOException {
    return encode(img, "png");
  }

  static byte[] jpeg(BufferedImage img) throws IOException {
    return encode(img, "jpg");
  }

  static byte[] encode(BufferedImage img, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, format, out)) {
      throw new IOException("no ImageIO writer for " + format);
    }
    return out.toByteArray();
  }

  private static BufferedImage to16Bit(BufferedImage grey) {
    BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
    for (int y = 0; y < grey.getHeight(); y++) {
      for (int x = 0; x < grey.getWidth(); x++) {
        out.getRaster().setSample(x, y, 0, grey.getRaster().getSample(x, y, 0) * 257);
      }
    }
    return out;
  }

  /** Four grey levels; the level nearest white is fully transparent, so it must composite on white. */
  private static BufferedImage paletteWithAlpha(BufferedImage grey) {
    byte[] lv = {0, 85, (byte) 170, (byte) 255};
    byte[] alpha = {(byte) 255, (byte) 255, (byte) 255, 0};
    IndexColorModel cm = new IndexColorModel(2, 4, lv, lv, lv, alpha);
    BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY, cm);
    for (int y = 0; y < grey.getHeight(); y++) {
      for (int x = 0; x < grey.getWidth(); x++) {
        out.getRaster().setSample(x, y, 0, Math.min(3, (grey.getRaster().getSample(x, y, 0) + 42) / 85));
      }
    }
    return out;
  }

  /** Four-component JPEG written from a raw raster (ImageIO stores it as CMYK, no colour conversion). */
  private static byte[] cmykJpeg(BufferedImage grey) throws IOException {
    WritableRaster r = WritableRaster.createInterleavedRaster(DataBuffer.TYPE_BYTE, grey.getWidth(), grey.getHeight(), 4, null);
    for (int y = 0; y < grey.getHeight(); y++) {
      for (int x = 0; x < grey.getWidth(); x++) {
        r.setPixel(x, y, new int[] {255, 255, 255, grey.getRaster().getSample(x, y, 0)});
      }
    }
    ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      w.setOutput(ios);
      w.write(null, new IIOImage(r, null, null), w.getDefaultWriteParam());
    } finally {
      w.dispose();
    }
    return out.toByteArray();
  }

  private static byte[] animatedGif(BufferedImage... frames) throws IOException {
    ImageWriter w = ImageIO.getImageWritersByFormatName("gif").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      w.setOutput(ios);
      w.prepareWriteSequence(null);
      for (BufferedImage f : frames) {
        BufferedImage rgb = new BufferedImage(f.getWidth(), f.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(f, 0, 0, null);
        IIOMetadata meta = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), null);
        String fmt = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(fmt);
        IIOMetadataNode gce = new IIOMetadataNode("GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", "50");
        gce.setAttribute("transparentColorIndex", "0");
        root.appendChild(gce);
        meta.setFromTree(fmt, root);
        w.writeToSequence(new IIOImage(rgb, null, meta), null);
      }
      w.endWriteSequence();
    } finally {
      w.dispose();
    }
    return out.toByteArray();
  }

  /** A 60-byte PNG whose header declares {@code w x h} grey pixels; its IDAT holds almost nothing. */
  static byte[] pngBomb(int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0)
        .put((byte) 0).put((byte) 0).put((byte) 0).array());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x63, 0, 0, 0, 1, 0, 1});
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(ByteBuffer.allocate(4).putInt(data.length).array());
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** The IHDR chunk's CRC (bytes 29..32) inverted. */
  private static byte[] badIhdrCrc(byte[] png) {
    byte[] b = png.clone();
    for (int i = 29; i < 33; i++) {
      b[i] = (byte) ~b[i];
    }
    return b;
  }

  /** The first IDAT's data overwritten with noise and its CRC recomputed: a valid container, a broken zlib stream. */
  private static byte[] garbageIdat(byte[] png) {
    byte[] b = png.clone();
    int p = 8;
    while (p + 8 < b.length) {
      int len = ByteBuffer.wrap(b, p, 4).getInt();
      String type = new String(b, p + 4, 4, StandardCharsets.US_ASCII);
      if (type.equals("IDAT")) {
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < len; i++) {
          b[p + 8 + i] = (byte) r.nextInt(256);
        }
        CRC32 crc = new CRC32();
        crc.update(b, p + 4, 4 + len);
        ByteBuffer.wrap(b, p + 8 + len, 4).putInt((int) crc.getValue());
        return b;
      }
      p += 12 + len;
    }
    throw new IllegalStateException("no IDAT chunk");
  }

  static byte[] tar(List<String> names, List<byte[]> data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < names.size(); i++) {
      byte[] h = new byte[512];
      put(h, 0, names.get(i));
      put(h, 100, "0000644");
      put(h, 108, "0000000");
      put(h, 116, "0000000");
      put(h, 124, String.format("%011o", data.get(i).length));
      put(h, 136, "00000000000");
      h[156] = '0';
      put(h, 257, "ustar");
      put(h, 263, "00");
      Arrays.fill(h, 148, 156, (byte) ' ');
      int sum = 0;
      for (byte x : h) {
        sum += x & 0xFF;
      }
      put(h, 148, String.format("%06o", sum));
      h[154] = 0;
      out.write(h);
      out.write(data.get(i));
      out.write(new byte[(512 - data.get(i).length % 512) % 512]);
    }
    out.write(new byte[1024]);
    return out.toByteArray();
  }

  private static void put(byte[] h, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }

  static byte[] gzip(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    }
    return out.toByteArray();
  }
}
