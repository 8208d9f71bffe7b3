package org.jaznet.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.jaznet.pipeline.io.EntryReader;
import org.jaznet.pipeline.io.ImageDecoder;
import org.jaznet.pipeline.io.ImageRejectedException;
import org.jaznet.pipeline.io.WordRef;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.recognizer.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests of findings that were fixed during issue 6 (F1-F5 and F9 of tests/RELIABILITY.md). The two
 * CLI batch runs are slow and run with {@code -Djaznet.long=true}; the rest are in the default suite.
 */
class FixedFindingsTest {
  @TempDir Path tmp;

  /** F1: a symlink to /dev/zero (size 0, endless bytes) is read until the heap is gone. */
  @Test
  void entryReaderRead_symlinkToDevZero_refusedNotOutOfMemory() throws Exception {
    Path zero = Files.createSymbolicLink(tmp.resolve("zero.png"), Path.of("/dev/zero"));
    try (EntryReader r = new EntryReader()) {
      Throwable t = catching(() -> r.read(WordRef.file(zero.toString())));
      assertThat(t).isInstanceOf(ImageRejectedException.class).hasMessageContaining("not a regular file");
    }
  }

  /** F1 + F2 through the CLI: a FIFO named *.png hangs the run, /dev/zero kills it; both must be failure records. */
  @Test
  @EnabledIfSystemProperty(named = "jaznet.long", matches = "true")
  void batchCli_fifoAndDevZeroAmongInputs_runCompletesWithFailureRecords() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.write(in.resolve("ok.png"), HostileCorpus.png(HostileCorpus.word("fine")));
    Files.createSymbolicLink(in.resolve("zero.png"), Path.of("/dev/zero"));
    Process mk = new ProcessBuilder("mkfifo", in.resolve("pipe.png").toString()).start();
    assertThat(mk.waitFor()).isZero();
    Path model = tmp.resolve("m.zip");
    ModelFile.save(JazNet.create(ModelSpec.of(Arch.SMALL, EnumSet.of(HeadKind.CHAR), List.of(), List.of()), 1), model);
    Path out = tmp.resolve("out");
    ChildJvm run = ChildJvm.cli(tmp.resolve("batch.log"), List.of("-Xmx512m"), List.of("batch", "--input", in + "/*.png",
        "--output", out.toString(), "--model", model.toString(), "--workers", "2"));

    int exit = run.run(Duration.ofMinutes(3));

    assertThat(exit).as("exit (-1: killed after 3 minutes, hung); log:\n%s", run.output()).isZero();
    BatchOutput o = BatchOutput.read(out);
    assertThat(o.resultSources()).containsExactly(in.resolve("ok.png").toString());
    assertThat(o.failureReasons()).containsOnlyKeys(in.resolve("zero.png").toString(), in.resolve("pipe.png").toString());
  }

  /**
   * F3: a rerun into the same --output with another shard count leaves the earlier run's shards beside
   * its own, so every input appears twice (runner-chosen sharding varies with parallelism, and a killed run
   * can leave finalized shards).
   */
  @Test
  @EnabledIfSystemProperty(named = "jaznet.long", matches = "true")
  void batchCli_rerunWithOtherShardCount_noStaleShardsNoDuplicates() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("words"));
    java.util.Set<String> inputs = new java.util.HashSet<>();
    for (int i = 0; i < 12; i++) {
      Path f = Files.write(in.resolve("w" + i + ".png"), HostileCorpus.png(HostileCorpus.word("word" + i)));
      inputs.add(f.toString());
    }
    Path model = tmp.resolve("m.zip");
    ModelFile.save(JazNet.create(ModelSpec.of(Arch.SMALL, EnumSet.of(HeadKind.CHAR), List.of(), List.of()), 1), model);
    Path out = tmp.resolve("out");
    for (String shards : List.of("3", "2")) {
      ChildJvm run = ChildJvm.cli(tmp.resolve("batch-" + shards + ".log"), List.of("-Xmx1g"), List.of("batch", "--input",
          in + "/*.png", "--output", out.toString(), "--model", model.toString(), "--groups", shards));
      assertThat(run.run(Duration.ofMinutes(5))).as("exit; log:\n%s", run.output()).isZero();
    }
    BatchOutput o = BatchOutput.read(out);
    assertThat(o.resultSources()).doesNotHaveDuplicates();
    assertThat(new java.util.HashSet<>(o.resultSources())).isEqualTo(inputs);
  }

  /**
   * F5: {@code params.bin} is handed to {@code Nd4j.read} as it is; a data-buffer length of 2^40 or
   * Long.MAX_VALUE kills the JVM (SIGSEGV in Nd4jCpu.allocateDataBuffer) and a length of 0 loads a net whose
   * 4M parameters have no memory behind them. The checksums do not help: a forger writes them too.
   */
  @Test
  void modelLoad_paramsHeaderDeclaresAbsurdLength_refusedWithoutDying() throws Exception {
    Path valid = tmp.resolve("valid.zip");
    ModelFile.save(JazNet.create(ModelSpec.of(Arch.SMALL, EnumSet.of(HeadKind.CHAR), List.of(), List.of()), 1), valid);
    java.util.Map<String, byte[]> entries = ModelZips.read(valid);
    List<String> files = new java.util.ArrayList<>();
    for (long len : new long[] {0L, 1L << 40, Long.MAX_VALUE}) {
      java.util.Map<String, byte[]> forged = new java.util.LinkedHashMap<>(entries);
      forged.put(ModelFile.PARAMS, ModelZips.withDataLength(entries.get(ModelFile.PARAMS), len));
      files.add(ModelZips.write(tmp.resolve("len-" + len + ".zip"), ModelZips.withFreshChecksums(forged)).toString());
    }
    ChildJvm probe = ChildJvm.of(tmp.resolve("probe.log"), List.of("-Xmx1g"), ModelLoadProbe.class.getName(), files);

    int exit = probe.run(Duration.ofMinutes(5));

    String out = probe.output();
    assertThat(exit).as("exit (134 = SIGSEGV/abort); output:\n%s", out).isZero();
    assertThat(out).contains("END").doesNotContain("LOADED").doesNotContain("CRASH");
  }

  /**
   * F9 (fuzzer finding): a corrupt {@code data.mdb} (a 3-sample database cut inside its leaf page, which
   * holds garbage) killed the JVM with SIGSEGV in native LMDB's {@code mdb_node_search}. Replayed first in
   * a child JVM, so that a return of the crash fails this test instead of ending the test run; then here,
   * for the message. The input is also a regression case of {@code LmdbFuzzTest}.
   */
  @Test
  void lmdbOpen_fuzzedDataMdb_ioExceptionNamingTheFileWithoutDying() throws Exception {
    Path input = tmp.resolve("f9-lmdb-sigsegv-data.mdb");
    try (var in = getClass().getResourceAsStream(
        "/org/jaznet/tests/fuzz/LmdbFuzzTestInputs/open_anyDataMdb_imagesOrIoException/f9-lmdb-sigsegv-data.mdb")) {
      Files.copy(in, input);
    }
    ChildJvm probe = ChildJvm.of(tmp.resolve("lmdb.log"), List.of("-Xmx256m"), LmdbProbe.class.getName(),
        List.of(input.toString()));

    int exit = probe.run(Duration.ofMinutes(2));

    assertThat(exit).as("exit (134 = SIGSEGV/abort, -1 = hung); output:\n%s", probe.output()).isZero();
    assertThat(probe.output()).contains("read 0 samples").contains("END");
    Path dir = Files.createDirectories(tmp.resolve("f9"));
    Files.copy(input, dir.resolve("data.mdb"));
    assertThat(catching(() -> org.jaznet.synth.io.LmdbDataset.open(dir).close()))
        .isInstanceOf(java.io.IOException.class).hasMessageContaining(dir.resolve("data.mdb").toString())
        .hasMessageContaining("beyond the end of the file");
  }

  /** F4: a PNG whose IHDR CRC is wrong is decoded by the ImageIO fallback instead of being refused. */
  @Test
  void decode_pngWithBadIhdrCrc_refused() throws Exception {
    byte[] png = HostileCorpus.png(HostileCorpus.word("crc"));
    for (int i = 29; i < 33; i++) {
      png[i] = (byte) ~png[i];
    }
    byte[] bad = png;
    assertThat(catching(() -> ImageDecoder.decode(bad))).isInstanceOf(ImageRejectedException.class)
        .hasMessageContaining("CRC");
  }


  private interface Body {
    void run() throws Exception;
  }

  private static Throwable catching(Body b) {
    try {
      b.run();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }
}
