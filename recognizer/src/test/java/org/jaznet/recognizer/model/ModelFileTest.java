package org.jaznet.recognizer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.head.Calibration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class ModelFileTest {
  @TempDir static Path dir;
  static JazNet net;
  static Path saved;
  static Path savedWithUpdater;
  static INDArray x;

  @BeforeAll
  static void trainAndSave() throws Exception {
    net = JazNet.create(JazNetTest.spec(EnumSet.allOf(HeadKind.class), 6), 21)
        .withCalibration(new Calibration(0.9, 1.1, 0.05, 1.3, -6.5, 123, 0.2));
    JazNetTest.fit(net, List.of("apple", "banana", "cherry", "hotel"), 2);
    x = JazNetTest.input(3, 4);
    saved = dir.resolve("m.zip");
    ModelFile.save(net, saved, Precision.FP32, false);
    savedWithUpdater = dir.resolve("mu.zip");
    ModelFile.save(net, savedWithUpdater, Precision.FP32, true);
  }

  @Test
  void load_fp32_identicalOutputsSpecAndCalibration() throws Exception {
    JazNet back = ModelFile.load(saved);
    assertThat(back.spec()).isEqualTo(net.spec());
    assertThat(back.calibration()).isEqualTo(net.calibration());
    assertThat(back.seed()).isEqualTo(21);
    Map<HeadKind, INDArray> a = net.output(x);
    Map<HeadKind, INDArray> b = back.output(x);
    for (HeadKind h : HeadKind.values()) {
      assertThat(b.get(h).data().asFloat()).as(h.name()).containsExactly(a.get(h).data().asFloat());
    }
    assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
  }

  @Test
  void load_smallBnTrained_identicalOutputsIncludingRunningStatistics() throws Exception {
    ModelSpec s = JazNetTest.spec(EnumSet.of(HeadKind.DICT, HeadKind.CHAR), 4);
    JazNet bn = JazNet.create(new ModelSpec(Arch.SMALL_BN, s.heads(), s.dictionary(), 4, s.ngrams(),
        s.optimiser(), s.learningRate(), s.l2(), s.dropout()), 8);
    JazNetTest.fit(bn, List.of("apple", "banana", "cherry", "delta"), 2);
    Path f = dir.resolve("bn.zip");
    ModelFile.save(bn, f);
    JazNet back = ModelFile.load(f);
    assertThat(back.output(x).get(HeadKind.CHAR).data().asFloat())
        .containsExactly(bn.output(x).get(HeadKind.CHAR).data().asFloat());
    JazNet grown = bn.growDict(6);
    assertThat(grown.output(x).get(HeadKind.CHAR)).isEqualTo(bn.output(x).get(HeadKind.CHAR));
  }

  @Test
  void load_withUpdater_restoresOptimiserState() throws Exception {
    JazNet back = ModelFile.load(savedWithUpdater, true);
    assertThat(back.graph().getUpdater().getStateViewArray())
        .isEqualTo(net.graph().getUpdater().getStateViewArray());
  }

  @Test
  void save_fp16_halfSizeCloseOutputs() throws Exception {
    Path half = dir.resolve("half.zip");
    ModelFile.save(net, half, Precision.FP16);
    Path full = dir.resolve("full.zip");
    ModelFile.save(net, full, Precision.FP32);
    assertThat(Files.size(half)).isLessThan(Files.size(full) * 6 / 10);
    JazNet back = ModelFile.load(half);
    INDArray a = net.output(x).get(HeadKind.CHAR);
    INDArray b = back.output(x).get(HeadKind.CHAR);
    assertThat(a.sub(b).amaxNumber().doubleValue()).isLessThan(0.01);
  }

  @Test
  void load_tamperedParams_refusedNamingEntry() throws Exception {
    Path bad = rewrite("tampered.zip", (name, data) -> {
      if (name.equals(ModelFile.PARAMS)) {
        data[data.length - 3] ^= 0x40;
      }
      return data;
    });
    assertThatThrownBy(() -> ModelFile.load(bad)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining(bad.toString()).hasMessageContaining("checksum mismatch for params.bin");
  }

  @Test
  void load_tamperedJsonWithFixedChecksum_refusedBySpecCheck() throws Exception {
    // an attacker who also rewrites the checksums: the spec no longer matches the weights
    Path bad = rewriteWithChecksums("respec.zip", ModelFile.MODEL_JSON,
        s -> s.replace("\"dictActive\" : 6", "\"dictActive\" : 7"));
    assertThatThrownBy(() -> ModelFile.load(bad)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("parameters");
    Path badArch = rewriteWithChecksums("arch.zip", ModelFile.MODEL_JSON, s -> s.replace("SMALL", "HUGE"));
    assertThatThrownBy(() -> ModelFile.load(badArch)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("invalid spec").hasMessageContaining("HUGE");
  }

  @Test
  void load_fileWithoutShortWordWeights_oneWeightPerHeadAsItWasFitted() throws Exception {
    Path old = rewriteWithChecksums("oldcal.zip", ModelFile.MODEL_JSON,
        s -> s.replaceAll(",\\s*\"short\\w+Weight\" : [-+0-9.Ee]+", ""));
    JazNet back = ModelFile.load(old);
    assertThat(back.calibration().dictWeight()).isEqualTo(0.9);
    assertThat(back.calibration().shortDictWeight()).isEqualTo(0.9);
    assertThat(back.calibration().shortCharWeight()).isEqualTo(1.1);
    assertThat(back.calibration().shortCtcWeight()).isEqualTo(1.3);
    assertThat(back.calibration().lengthDependent()).isFalse();
    assertThat(net.calibration().shortDictWeight()).isEqualTo(0.2);
  }

  @Test
  void load_foreignFiles_refusedWithClearMessage() throws Exception {
    Path text = dir.resolve("notes.zip");
    Files.writeString(text, "hello");
    assertThatThrownBy(() -> ModelFile.load(text)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("notes.zip").hasMessageContaining("not a valid zip");
    Path otherZip = dir.resolve("other.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(otherZip))) {
      z.putNextEntry(new ZipEntry("readme.txt"));
      z.write("x".getBytes(StandardCharsets.UTF_8));
    }
    assertThatThrownBy(() -> ModelFile.load(otherZip)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("not a jaznet model");
    assertThatThrownBy(() -> ModelFile.load(dir.resolve("missing.zip"))).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("does not exist");
    Path truncated = dir.resolve("truncated.zip");
    byte[] all = Files.readAllBytes(saved);
    Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
    assertThatThrownBy(() -> ModelFile.load(truncated)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("truncated.zip");
  }

  @Test
  void load_extraEntry_refused() throws Exception {
    Path bad = dir.resolve("extra.zip");
    try (ZipFile in = new ZipFile(saved.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
      out.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
      copyAll(in, out, (n, d) -> d);
      out.putNextEntry(new ZipEntry("evil.class"));
      out.write(new byte[] {1, 2, 3});
    }
    assertThatThrownBy(() -> ModelFile.load(bad)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("evil.class");
  }

  @Test
  void checkArrayHeader_craftedDataLength_refusedBeforeNd4jRead() throws Exception {
    float[] values = {1f, 2f, 3f, 4f, 5f};
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(buf)) {
      org.nd4j.linalg.factory.Nd4j.write(org.nd4j.linalg.factory.Nd4j.createFromArray(values).reshape(1, 5), out);
    }
    byte[] good = buf.toByteArray();
    ModelFileChecks.checkArrayHeader(good, dir, "params.bin", 5, org.nd4j.linalg.api.buffer.DataType.FLOAT);
    // offset of the data buffer's length: after the shape buffer and the data buffer's mode string
    java.io.ByteArrayInputStream bin = new java.io.ByteArrayInputStream(good);
    java.io.DataInputStream in = new java.io.DataInputStream(bin);
    in.readUTF();
    long shapeLength = in.readLong();
    String shapeType = in.readUTF();
    in.skipNBytes(shapeLength * org.nd4j.linalg.api.buffer.DataType.valueOf(shapeType).width());
    in.readUTF();
    int lengthAt = good.length - bin.available();
    for (long crafted : new long[] {1L << 40, Long.MAX_VALUE, 0L, -1L}) {
      byte[] bad = good.clone();
      java.nio.ByteBuffer.wrap(bad, lengthAt, 8).putLong(crafted);
      assertThatThrownBy(() -> ModelFileChecks.checkArrayHeader(bad, dir, "params.bin", 5,
          org.nd4j.linalg.api.buffer.DataType.FLOAT))
          .isInstanceOf(RecognizerException.class).hasMessageContaining("params.bin").hasMessageContaining("declares");
    }
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 4);
    assertThatThrownBy(() -> ModelFileChecks.checkArrayHeader(truncated, dir, "params.bin", 5,
        org.nd4j.linalg.api.buffer.DataType.FLOAT)).isInstanceOf(RecognizerException.class);
  }

  private static Path rewrite(String name, BiFunction<String, byte[], byte[]> change) throws IOException {
    Path out = dir.resolve(name);
    try (ZipFile in = new ZipFile(saved.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
      z.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
      copyAll(in, z, change);
    }
    return out;
  }

  private static Path rewriteWithChecksums(String name, String entry, java.util.function.UnaryOperator<String> edit)
      throws Exception {
    byte[] original;
    try (ZipFile in = new ZipFile(saved.toFile())) {
      original = in.getInputStream(in.getEntry(entry)).readAllBytes();
    }
    byte[] changed = edit.apply(new String(original, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    assertThat(changed).isNotEqualTo(original);
    String oldSum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(original));
    String newSum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(changed));
    return rewrite(name, (n, d) -> {
      if (n.equals(entry)) {
        return changed;
      }
      if (n.equals(ModelFile.CHECKSUMS)) {
        return new String(d, StandardCharsets.US_ASCII).replace(oldSum, newSum).getBytes(StandardCharsets.US_ASCII);
      }
      return d;
    });
  }

  private static void copyAll(ZipFile in, ZipOutputStream out, BiFunction<String, byte[], byte[]> change) throws IOException {
    Enumeration<? extends ZipEntry> es = in.entries();
    while (es.hasMoreElements()) {
      ZipEntry e = es.nextElement();
      byte[] data;
      try (InputStream s = in.getInputStream(e)) {
        data = s.readAllBytes();
      }
      out.putNextEntry(new ZipEntry(e.getName()));
      out.write(change.apply(e.getName(), data));
      out.closeEntry();
    }
  }
}
