package org.jaznet.pipeline.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jaznet.pipeline.io.Fixtures;

/**
 * A small corpus with odd and broken files and what must come out of it: every file is listed here
 * with its expected outcome, so tests can check results + failures = inputs exactly.
 */
final class Corpus {
  /** Sources expected among the results, and among the failures, relative to the corpus root. */
  final Map<String, Boolean> expected = new LinkedHashMap<>();
  final Map<String, String> labels = new LinkedHashMap<>();
  final Path root;

  private Corpus(Path root) {
    this.root = root;
  }

  static Corpus write(Path root) throws IOException {
    Corpus c = new Corpus(root);
    Files.createDirectories(root.resolve("img/sub"));
    c.ok("img/grey.png", Fixtures.greyPng(Fixtures.word("grey")), "grey");
    c.ok("img/deep16.png", Fixtures.png16(Fixtures.word("deep")), "deep");
    c.ok("img/sub/palette.png", Fixtures.palettePng(Fixtures.word("palette")), "palette");
    c.ok("img/sub/alpha.png", Fixtures.alphaPng(Fixtures.word("alpha")), "alpha");
    c.ok("img/cmyk.jpg", Fixtures.cmykJpeg(Fixtures.word("cmyk")), "cmyk");
    c.ok("img/exif.jpeg", Fixtures.exifRotatedJpeg(Fixtures.word("exif")), "exif");
    c.ok("img/anim.gif", Fixtures.animatedGif(Fixtures.word("anim")), null);
    c.ok("img/page.bmp", Fixtures.bmp(Fixtures.word("bmp")), "bmp");
    c.ok("img/scan.tif", Fixtures.tiff(Fixtures.word("tiff")), null);
    c.bad("img/empty.png", new byte[0]);
    c.bad("img/text.jpg", "this is not an image".getBytes(StandardCharsets.UTF_8));
    c.bad("img/cut.jpg", Fixtures.truncated(Fixtures.rgbJpeg(Fixtures.word("cut"))));
    c.bad("img/huge.png", Fixtures.pngHeader(50_000, 50_000));
    c.bad("img/line.png", Fixtures.pngHeader(100_000, 1));
    Files.createDirectories(root.resolve("img/folder.png"));
    Files.writeString(root.resolve("img/readme.txt"), "not matched by the glob");
    return c;
  }

  /** The glob over the plain image files. */
  String glob() {
    return root + "/img/**/*.{png,jpg,jpeg,tif,bmp,gif}";
  }

  /** Adds a zip with two good entries and a bad one, a broken tgz, and a manifest with boxes. */
  Corpus withArchivesAndManifest() throws IOException {
    Path zip = root.resolve("words.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      put(z, "w/alpha.png", Fixtures.png("zipa"));
      put(z, "../outside.png", Fixtures.png("zipb"));
      put(z, "w/bad.png", new byte[] {1, 2, 3});
    }
    expected.put("words.zip!w/alpha.png", true);
    expected.put("words.zip!../outside.png", true);
    expected.put("words.zip!w/bad.png", false);
    Path tgz = root.resolve("more.tgz");
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(tgz)))) {
      byte[] b = Fixtures.png("tgz");
      TarArchiveEntry e = new TarArchiveEntry("t/one.png");
      e.setSize(b.length);
      t.putArchiveEntry(e);
      t.write(b);
      t.closeArchiveEntry();
    }
    expected.put("more.tgz!t/one.png", true);
    Path page = root.resolve("page.png");
    Files.write(page, Fixtures.png("pagewords"));
    Path manifest = root.resolve("boxes.csv");
    Files.writeString(manifest, String.join("\n",
        "path,x,y,w,h,label",
        "page.png,0,0,60,32,page",
        "page.png,40,0,60,32,words",
        "page.png,90,0,60,32,outside",
        "page.png,1,2",
        "missing.png,0,0,10,10,gone",
        "words.zip!w/alpha.png,0,0,50,32,zip",
        ""));
    expected.put("page.png#0,0,60,32", true);
    expected.put("page.png#40,0,60,32", true);
    expected.put("page.png#90,0,60,32", false);
    expected.put("boxes.csv:5", false);
    expected.put("missing.png#0,0,10,10", false);
    expected.put("words.zip!w/alpha.png#0,0,50,32", true);
    return this;
  }

  private static void put(ZipOutputStream z, String name, byte[] b) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    z.write(b);
    z.closeEntry();
  }

  private void ok(String rel, byte[] b, String label) throws IOException {
    Files.write(root.resolve(rel), b);
    expected.put(rel, true);
    if (label != null) {
      labels.put(rel, label);
    }
  }

  private void bad(String rel, byte[] b) throws IOException {
    Files.write(root.resolve(rel), b);
    expected.put(rel, false);
  }

  String abs(String rel) {
    return root.toAbsolutePath().normalize() + "/" + rel;
  }

  Path writeLabels() throws IOException {
    Path f = root.resolve("labels.tsv");
    StringBuilder sb = new StringBuilder();
    labels.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
    Files.writeString(f, sb.toString());
    return f;
  }

}
