package org.jaznet.synth.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LmdbFile} and {@link LmdbDataset} on real files written by {@link LmdbWriter} (lmdbjava), intact and
 * damaged: every read gives the written records or an IOException naming the file; none may kill the JVM
 * (the whole test run would die), hang or allocate without bound.
 */
class LmdbFileTest {
  private static final int PAGE = 4096;

  @TempDir Path tmp;

  /** Samples of 20-300 bytes, every 37th a 5-40 KiB image (overflow pages), labels with non-ASCII text. */
  private static List<LmdbWriter.Item> items(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<LmdbWriter.Item> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] b = new byte[i % 37 == 5 ? r.nextInt(5 * 1024, 40 * 1024) : r.nextInt(20, 300)];
      r.nextBytes(b);
      out.add(new LmdbWriter.Item(b, "wörd-" + i + "-" + "x".repeat(r.nextInt(0, 30))));
    }
    return out;
  }

  private static Path write(Path dir, List<LmdbWriter.Item> items, int batch) throws IOException {
    try (LmdbWriter w = LmdbWriter.open(dir, 1 << 20)) {
      for (int from = 0; from < items.size(); from += batch) {
        w.append(items.subList(from, Math.min(items.size(), from + batch)));
      }
    }
    Files.deleteIfExists(dir.resolve("lock.mdb"));
    return dir;
  }

  private static void assertReadsBack(Path dir, List<LmdbWriter.Item> items) throws IOException {
    try (LmdbDataset d = LmdbDataset.open(dir)) {
      assertThat(d.size()).hasValue(items.size());
      for (int i = 0; i < items.size(); i++) {
        LabelledImage img = d.get(i + 1);
        assertThat(img.id()).isEqualTo(String.format("image-%09d", i + 1));
        assertThat(img.label()).isEqualTo(items.get(i).label());
        assertThat(img.bytes()).as("image %d", i + 1).isEqualTo(items.get(i).image());
      }
    }
  }

  @Test
  void get_manySamplesWithOverflowImages_readsEveryRecordAsWritten() throws Exception {
    List<LmdbWriter.Item> items = items(3000, 7);
    Path dir = write(tmp.resolve("db"), items, 250);

    assertReadsBack(dir, items);
    try (LmdbFile f = LmdbFile.open(dir.resolve("data.mdb"))) {
      assertThat(f.pageSize()).isEqualTo(PAGE);
      assertThat(f.depth()).as("tree depth (branch pages in use)").isGreaterThanOrEqualTo(3);
      assertThat(f.entries()).isEqualTo(2 * 3000 + 1);
      assertThat(f.get("num-samples".getBytes(StandardCharsets.US_ASCII))).asString().isEqualTo("3000");
      for (String absent : List.of("", "a", "image-", "image-000000000", "image-000003001", "image-0000000010",
          "label-", "num-samples0", "zzz")) {
        assertThat(f.get(absent.getBytes(StandardCharsets.US_ASCII))).as(absent).isNull();
      }
    }
    try (LmdbDataset d = LmdbDataset.open(dir)) {
      assertThat(d.entries().map(DatasetEntry::label).toList())
          .isEqualTo(items.stream().map(LmdbWriter.Item::label).toList());
    }
  }

  @Test
  void get_afterRebuildAndEmptyDatabase_readsAsWritten() throws Exception {
    List<LmdbWriter.Item> items = items(400, 8);
    Path dir = tmp.resolve("rebuilt");
    try (LmdbWriter w = LmdbWriter.open(dir, 1 << 20)) {
      w.append(items.subList(0, 150));
      w.append(items.subList(150, 400));
      w.rebuildAndClose(tmp.resolve("scratch"));
    }
    assertReadsBack(dir, items);

    Path empty = tmp.resolve("empty");
    LmdbWriter.open(empty, 1 << 20).close();
    try (LmdbFile f = LmdbFile.open(empty.resolve("data.mdb"))) {
      assertThat(f.get(LmdbWriter.NUM_SAMPLES)).isNull();
    }
    assertThatThrownBy(() -> LmdbDataset.open(empty)).isInstanceOf(IOException.class)
        .hasMessageContaining(empty.toString()).hasMessageContaining("no num-samples");
  }

  @Test
  void get_manyThreadsAndAnInterruptedReader_allReadsCorrect() throws Exception {
    List<LmdbWriter.Item> items = items(500, 9);
    Path dir = write(tmp.resolve("db"), items, 500);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (LmdbDataset d = LmdbDataset.open(dir)) {
      List<Future<?>> jobs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int start = t;
        jobs.add(pool.submit(() -> {
          for (int i = start; i < items.size(); i += 4) {
            assertThat(d.get(i + 1).data()).isEqualTo(items.get(i).image());
          }
          return null;
        }));
      }
      for (Future<?> j : jobs) {
        j.get(2, TimeUnit.MINUTES);
      }
      // An interrupted positional read closes the channel for every thread: the reader must reopen it.
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> d.get(1)).isInstanceOf(UncheckedIOException.class)
          .hasCauseInstanceOf(IOException.class).hasMessageContaining(dir.toString());
      assertThat(Thread.interrupted()).isTrue();
      assertThat(d.get(2).data()).isEqualTo(items.get(1).image());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void open_truncatedFile_readsOrThrowsNamingTheFile() throws Exception {
    List<LmdbWriter.Item> items = items(300, 10);
    Path dir = write(tmp.resolve("db"), items, 300);
    byte[] whole = Files.readAllBytes(dir.resolve("data.mdb"));
    SplittableRandom r = new SplittableRandom(11);
    List<Integer> cuts = new ArrayList<>(List.of(0, 1, 100, 1023, 1024, PAGE, PAGE + 152, 2 * PAGE, 2 * PAGE + 400,
        whole.length / 2, whole.length - PAGE, whole.length - 1));
    for (int i = 0; i < 20; i++) {
      cuts.add(r.nextInt(whole.length));
    }
    int refused = 0;
    for (int cut : cuts) {
      Path d = Files.createDirectories(tmp.resolve("cut-" + cut));
      Files.write(d.resolve("data.mdb"), Arrays.copyOf(whole, cut));
      Outcome o = readAll(d, items);
      refused += o.refused ? 1 : 0;
      if (cut < 2 * PAGE + 152) {
        assertThat(o.refused).as("cut at %d", cut).isTrue();
      }
    }
    // A cut that only removes free-list pages leaves every record readable; most cuts reach the records.
    assertThat(refused).isGreaterThan(cuts.size() / 2);
    Path d = Files.createDirectories(tmp.resolve("cut-short"));
    Files.write(d.resolve("data.mdb"), Arrays.copyOf(whole, 2 * PAGE + 400));
    assertThatThrownBy(() -> LmdbDataset.open(d)).isInstanceOf(IOException.class)
        .hasMessageContaining(d.resolve("data.mdb").toString()).hasMessageContaining("beyond the end of the file");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void open_randomBytesAtRandomOffsets_readsOrThrowsNamingTheFile() throws Exception {
    List<LmdbWriter.Item> items = items(300, 12);
    Path dir = write(tmp.resolve("db"), items, 100);
    byte[] whole = Files.readAllBytes(dir.resolve("data.mdb"));
    SplittableRandom r = new SplittableRandom(13);
    int refused = 0;
    int mutants = 600;
    Path d = Files.createDirectories(tmp.resolve("mutant"));
    for (int m = 0; m < mutants; m++) {
      byte[] b = whole.clone();
      int changes = 1 + r.nextInt(16);
      for (int c = 0; c < changes; c++) {
        // Half of the hits go to page headers, node offsets and meta fields, where they matter most.
        int page = r.nextInt(b.length / PAGE);
        int at = r.nextBoolean() ? page * PAGE + r.nextInt(200) : r.nextInt(b.length);
        b[at] = r.nextInt(4) == 0 ? (byte) 0xFF : (byte) r.nextInt(256);
      }
      Files.write(d.resolve("data.mdb"), b);
      refused += readAll(d, null).refused ? 1 : 0;
    }
    assertThat(refused).as("mutants refused of %d", mutants).isBetween(mutants / 10, mutants - 1);
  }

  @Test
  void get_branchPointingToItself_refusedAsCycle() throws Exception {
    Path dir = write(tmp.resolve("db"), items(3000, 14), 3000);
    Path file = dir.resolve("data.mdb");
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int root = (int) newestMeta(b).getLong(16 + 72 + 40);
    int base = root * PAGE;
    assertThat(b.getShort(base + 10) & 0x01).as("root is a branch page").isEqualTo(1);
    int lower = b.getShort(base + 12) & 0xFFFF;
    for (int i = 0; i < (lower - 16) / 2; i++) {
      int node = base + (b.getShort(base + 16 + 2 * i) & 0xFFFF);
      b.putShort(node, (short) root).putShort(node + 2, (short) 0).putShort(node + 4, (short) 0);
    }
    Files.write(file, b.array());

    assertThatThrownBy(() -> LmdbDataset.open(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("cycle");
  }

  @Test
  void get_overflowValueDeclaringHugeSize_refusedWithoutAllocating() throws Exception {
    List<LmdbWriter.Item> items = List.of(new LmdbWriter.Item(new byte[20_000], "big"));
    Path dir = write(tmp.resolve("db"), items, 1);
    Path file = dir.resolve("data.mdb");
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int base = (int) newestMeta(b).getLong(16 + 72 + 40) * PAGE;
    int patched = 0;
    int lower = b.getShort(base + 12) & 0xFFFF;
    for (int i = 0; i < (lower - 16) / 2; i++) {
      int node = base + (b.getShort(base + 16 + 2 * i) & 0xFFFF);
      if ((b.getShort(node + 4) & 0x01) != 0) {
        b.putShort(node, (short) 0xFFFF).putShort(node + 2, (short) 0xFFFF);
        patched++;
      }
    }
    assertThat(patched).as("overflow nodes").isEqualTo(1);
    Files.write(file, b.array());

    try (LmdbDataset d = LmdbDataset.open(dir)) {
      assertThatThrownBy(() -> d.get(1)).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(file.toString()).hasMessageContaining("4294967295 bytes");
    }
  }

  @Test
  void open_noValidMetaPage_refusedWithBothReasons() throws Exception {
    Path dir = write(tmp.resolve("db"), items(10, 15), 10);
    Path file = dir.resolve("data.mdb");
    byte[] b = Files.readAllBytes(file);
    b[16] = 0;
    b[PAGE + 20] = 7;
    Files.write(file, b);

    assertThatThrownBy(() -> LmdbDataset.open(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("no valid meta page")
        .hasMessageContaining("magic").hasMessageContaining("version 7");
    Files.writeString(file, "not a database at all, just some text that is long enough to be read" + "!".repeat(2000));
    assertThatThrownBy(() -> LmdbDataset.open(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("not a meta page");
  }

  @Test
  void open_newerMetaPageDamaged_readsTheOlderCommit() throws Exception {
    List<LmdbWriter.Item> items = items(20, 16);
    Path dir = write(tmp.resolve("db"), items, 10);
    Path file = dir.resolve("data.mdb");
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    int newer = b.getLong(16 + 128) > b.getLong(PAGE + 16 + 128) ? 0 : 1;
    b.putInt(newer * PAGE + 16, 0x12345678);
    Files.write(file, b.array());

    // The two commits wrote 10 samples each, and pages of the first are not reused by the second.
    assertReadsBack(dir, items.subList(0, 10));
  }

  @Test
  void open_missingOrSpecialFile_refusedNamingIt() throws Exception {
    Path none = tmp.resolve("none");
    assertThatThrownBy(() -> LmdbDataset.open(none)).isInstanceOf(IOException.class)
        .hasMessageContaining(none.resolve("data.mdb").toString()).hasMessageContaining("does not exist");
    Path dev = Files.createDirectories(tmp.resolve("dev"));
    Files.createSymbolicLink(dev.resolve("data.mdb"), Path.of("/dev/zero"));
    assertThatThrownBy(() -> LmdbDataset.open(dev)).isInstanceOf(IOException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void open_numSamplesBeyondEntries_refused() throws Exception {
    Path dir = tmp.resolve("db");
    try (LmdbWriter w = LmdbWriter.open(dir, 1 << 20)) {
      w.append(items(3, 17));
    }
    try (org.lmdbjava.Env<byte[]> env = org.lmdbjava.Env.create(org.lmdbjava.ByteArrayProxy.PROXY_BA)
        .setMapSize(1 << 20).setMaxDbs(1).open(dir.toFile())) {
      org.lmdbjava.Dbi<byte[]> db = env.openDbi((byte[]) null);
      db.put(LmdbWriter.NUM_SAMPLES, "999999999999".getBytes(StandardCharsets.US_ASCII));
    }
    assertThatThrownBy(() -> LmdbDataset.open(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("num-samples 999999999999");
  }

  private record Outcome(boolean refused) {}

  /** Opens and reads everything; with {@code items}, what is read must be what was written. */
  private static Outcome readAll(Path dir, List<LmdbWriter.Item> items) {
    try (LmdbDataset d = LmdbDataset.open(dir)) {
      long n = d.size().orElseThrow();
      for (long i = 1; i <= n; i++) {
        LabelledImage img = d.get(i);
        if (items != null) {
          assertThat(img.data()).isEqualTo(items.get((int) i - 1).image());
        }
      }
      d.entries().forEach(e -> assertThat(e.path()).startsWith("image-"));
      return new Outcome(false);
    } catch (IOException e) {
      assertThat(e.getMessage()).contains(dir.toString());
      assertThat(e).isNotInstanceOf(InterruptedIOException.class);
      return new Outcome(true);
    } catch (UncheckedIOException e) {
      assertThat(e.getCause().getMessage()).contains(dir.toString());
      return new Outcome(true);
    }
  }

  /** The meta page (as a buffer positioned nowhere; absolute offsets from its start) with the higher txnid. */
  private static ByteBuffer newestMeta(ByteBuffer file) {
    int at = file.getLong(16 + 128) >= file.getLong(PAGE + 16 + 128) ? 0 : PAGE;
    return file.slice(at, PAGE).order(ByteOrder.LITTLE_ENDIAN);
  }
}
