package org.jaznet.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveAndManifestTest {
  @TempDir Path dir;

  static void zip(Path file, Map<String, byte[]> entries) throws IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
  }

  static void tar(Path file, Map<String, byte[]> entries, boolean gz) throws IOException {
    OutputStream raw = Files.newOutputStream(file);
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(gz ? new GZIPOutputStream(raw) : raw)) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        TarArchiveEntry te = new TarArchiveEntry(e.getKey(), true);
        te.setSize(e.getValue().length);
        t.putArchiveEntry(te);
        t.write(e.getValue());
        t.closeArchiveEntry();
      }
    }
  }

  private static Map<String, byte[]> entries() throws IOException {
    Map<String, byte[]> m = new java.util.LinkedHashMap<>();
    m.put("a/one.png", Fixtures.png("one"));
    m.put("../escape.png", Fixtures.png("two"));
    m.put("/abs/three.jpg", Fixtures.rgbJpeg(Fixtures.word("three")));
    m.put("notes.txt", "not an image entry".getBytes(StandardCharsets.UTF_8));
    m.put("b/four.png", Fixtures.png("four"));
    return m;
  }

  private List<WordRef> list(Path archive) throws IOException {
    List<WordRef> refs = new ArrayList<>();
    ArchiveLister.list(archive, refs::add);
    return refs;
  }

  @Test
  void list_emptyTgzAndBrokenZip_ioExceptionNamingTheArchive() throws IOException {
    // F6: these used to escape as a bare EOFException (null message) and "zip END header not found"
    Path tgz = Files.write(dir.resolve("empty.tgz"), new byte[0]);
    Path zip = Files.write(dir.resolve("broken.zip"), "PK\003\004 not really".getBytes(StandardCharsets.ISO_8859_1));
    for (Path p : List.of(tgz, zip)) {
      assertThatThrownBy(() -> ArchiveLister.list(p, r -> { }))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("archive " + p.toAbsolutePath().normalize() + ": ");
    }
  }

  @Test
  void list_zipTarTgz_everyImageEntryReadNothingWritten() throws Exception {
    Path z = dir.resolve("in.zip");
    Path t = dir.resolve("in.tar");
    Path g = dir.resolve("in.tar.gz");
    zip(z, entries());
    tar(t, entries(), false);
    tar(g, entries(), true);
    for (Path a : List.of(z, t, g)) {
      List<WordRef> refs = list(a);
      assertThat(refs).extracting(WordRef::entry).containsExactlyInAnyOrder(
          "a/one.png", "../escape.png", "/abs/three.jpg", "b/four.png");
      try (EntryReader reader = new EntryReader()) {
        for (WordRef r : refs) {
          assertThat(ImageDecoder.decode(reader.read(r)).getWidth()).isEqualTo(Fixtures.W);
        }
        // out of order reads of the compressed tar reopen it instead of failing
        assertThat(reader.read(refs.get(0))).isEqualTo(entries().get(refs.get(0).entry()));
      }
      assertThat(refs.get(0).source()).startsWith(a.toAbsolutePath().toString() + "!");
    }
    assertThat(Files.exists(dir.resolve("escape.png"))).isFalse();
    assertThat(Files.exists(dir.getParent().resolve("escape.png"))).isFalse();
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.zip", "in.tar", "in.tar.gz");
    }
  }

  @Test
  void list_truncatedTgz_throwsAfterReportingReadableEntries() throws Exception {
    Path g = dir.resolve("in.tgz");
    tar(g, entries(), true);
    byte[] b = Files.readAllBytes(g);
    Path cut = dir.resolve("cut.tgz");
    Files.write(cut, java.util.Arrays.copyOf(b, b.length / 2));
    List<WordRef> refs = new ArrayList<>();
    assertThatThrownBy(() -> ArchiveLister.list(cut, refs::add)).isInstanceOf(IOException.class);
    Path junk = dir.resolve("junk.zip");
    Files.writeString(junk, "not a zip");
    assertThatThrownBy(() -> ArchiveLister.list(junk, refs::add)).isInstanceOf(IOException.class);
  }

  @Test
  void read_deviceAndFifo_refusedWithoutOpening() throws Exception {
    Path zero = Files.createSymbolicLink(dir.resolve("zero.png"), Path.of("/dev/zero"));
    Path fifo = dir.resolve("pipe.png");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    try (EntryReader r = new EntryReader()) {
      assertThatThrownBy(() -> r.read(WordRef.file(zero.toString()))).hasMessageContaining("not a regular file");
      assertThatThrownBy(() -> r.read(WordRef.file(fifo.toString()))).hasMessageContaining("not a regular file");
    }
    Path fifoZip = dir.resolve("pipe.zip");
    assertThat(new ProcessBuilder("mkfifo", fifoZip.toString()).start().waitFor()).isZero();
    assertThatThrownBy(() -> ArchiveLister.list(fifoZip, r -> { })).hasMessageContaining("not a regular file")
        .hasMessageContaining(fifoZip.toString());
  }

  @Test
  void parseCsv_layouts_pathsBoxesLabels() {
    Path base = Path.of("/data/pages");
    assertThat(ManifestParser.parseCsv("p1.png", base).source()).isEqualTo("/data/pages/p1.png");
    WordRef r = ManifestParser.parseCsv("\"sub/p, 2.png\",10,20,30,40,Hello", base);
    assertThat(r.source()).isEqualTo("/data/pages/sub/p, 2.png#10,20,30,40");
    assertThat(r.label()).isEqualTo("Hello");
    assertThat(ManifestParser.parseCsv("p.png,world", base).label()).isEqualTo("world");
    assertThat(ManifestParser.parseCsv("scans.zip!p3.png,1,2,3,4", base).source())
        .isEqualTo("/data/pages/scans.zip!p3.png#1,2,3,4");
    assertThat(ManifestParser.isIgnorable("path,x,y,w,h,label", true, true)).isTrue();
    assertThat(ManifestParser.isIgnorable("p.png", true, true)).isFalse();
    // F10: a first line with an unclosed quote is no header; parsing it names the problem
    assertThat(ManifestParser.isIgnorable("\"p.png,1", true, true)).isFalse();
    assertThatThrownBy(() -> ManifestParser.parseCsv("p.png,1,2", base)).hasMessageContaining("got 3");
    assertThatThrownBy(() -> ManifestParser.parseCsv("p.png,1,2,x,4", base)).hasMessageContaining("box w 'x'");
    assertThatThrownBy(() -> ManifestParser.parseCsv("p.png,1,2,0,4", base)).hasMessageContaining("size must be > 0");
    assertThatThrownBy(() -> ManifestParser.parseCsv("\"p.png,1", base)).hasMessageContaining("unclosed");
  }

  @Test
  void parseJson_layouts_pathsBoxesLabels() {
    Path base = Path.of("/data");
    WordRef r = ManifestParser.parseJson("{\"image\":\"a.png\",\"box\":[1,2,3,4],\"label\":\"x\"}", base);
    assertThat(r.source()).isEqualTo("/data/a.png#1,2,3,4");
    assertThat(r.label()).isEqualTo("x");
    assertThat(ManifestParser.parseJson("{\"path\":\"/abs/b.png\",\"box\":{\"x\":0,\"y\":0,\"w\":5,\"h\":6}}", base)
        .source()).isEqualTo("/abs/b.png#0,0,5,6");
    assertThatThrownBy(() -> ManifestParser.parseJson("{\"image\": ", base)).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> ManifestParser.parseJson("{\"label\":\"x\"}", base)).hasMessageContaining("missing");
    assertThatThrownBy(() -> ManifestParser.parseJson("{\"image\":\"a.png\",\"box\":[1,2]}", base))
        .hasMessageContaining("\"box\" must be");
    assertThatThrownBy(() -> ManifestParser.parseJson("[1]", base)).hasMessageContaining("not a JSON object");
  }

  @Test
  void globList_braceAndDoubleStar_filesOnlyNoDirectories() throws Exception {
    Files.createDirectories(dir.resolve("x/y"));
    Files.createDirectories(dir.resolve("dir.png"));
    Files.write(dir.resolve("top.png"), Fixtures.png("a"));
    Files.write(dir.resolve("x/mid.jpg"), Fixtures.png("a"));
    Files.write(dir.resolve("x/y/deep.PNG"), Fixtures.png("a"));
    Files.write(dir.resolve("x/y/deep.png"), Fixtures.png("a"));
    Files.writeString(dir.resolve("x/readme.txt"), "no");
    List<Path> got = new ArrayList<>();
    GlobLister.list(dir + "/**/*.{png,jpg}", got::add);
    assertThat(got).extracting(p -> dir.relativize(p).toString())
        .containsExactlyInAnyOrder("top.png", "x/mid.jpg", "x/y/deep.png");
    assertThatThrownBy(() -> GlobLister.list(dir + "/nope/*.png", got::add)).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> GlobLister.list(dir.toString(), got::add)).hasMessageContaining("is a directory");
  }

  @Test
  void inputSpecParse_kinds_byNameAndGlobCharacters() {
    assertThat(InputSpec.parse("a/**/*.png").kind()).isEqualTo(InputKind.GLOB);
    assertThat(InputSpec.parse("a.tar.gz").kind()).isEqualTo(InputKind.ARCHIVE);
    assertThat(InputSpec.parse("a.ZIP").kind()).isEqualTo(InputKind.ARCHIVE);
    assertThat(InputSpec.parse("m.csv").kind()).isEqualTo(InputKind.MANIFEST_CSV);
    assertThat(InputSpec.parse("m.jsonl").kind()).isEqualTo(InputKind.MANIFEST_JSONL);
    assertThat(InputSpec.parse("one.png").kind()).isEqualTo(InputKind.GLOB);
    assertThatThrownBy(() -> InputSpec.parse(" ")).hasMessageContaining("blank");
  }

  @Test
  void probe_headers_sizesWithoutDecoding() throws Exception {
    BufferedImageSizes.check(Fixtures.rgbJpeg(Fixtures.word("a")), ImageFormat.JPEG);
    BufferedImageSizes.check(Fixtures.png("a"), ImageFormat.PNG);
    BufferedImageSizes.check(Fixtures.animatedGif(Fixtures.word("a")), ImageFormat.GIF);
    BufferedImageSizes.check(Fixtures.bmp(Fixtures.word("a")), ImageFormat.BMP);
    BufferedImageSizes.check(Fixtures.tiff(Fixtures.word("a")), ImageFormat.TIFF);
    assertThat(ImageHeader.probe(new byte[] {(byte) 0x89, 'P'}).sizeKnown()).isFalse();
  }

  static final class BufferedImageSizes {
    static void check(byte[] b, ImageFormat f) {
      ImageHeader h = ImageHeader.probe(b);
      assertThat(h.format()).isEqualTo(f);
      assertThat(h.width()).isEqualTo(Fixtures.W);
      assertThat(h.height()).isEqualTo(Fixtures.H);
    }
  }
}
