package org.jaznet.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.recognizer.model.ModelSpec;

/**
 * {@link ModelFile#load}: any file gives a model or a {@link RecognizerException} naming the file.
 * Two targets: raw zip bytes (zip structure, checksum list), and a zip whose checksums are made right by
 * the target itself, so that fuzzed {@code model.json} and {@code params.bin} contents reach the spec
 * parser and ND4J's array reader behind the checksum gate (what a forger controls).
 */
class ModelFileFuzzTest {
  private static final Map<String, byte[]> VALID = validEntries();
  private static final byte[] PARAMS_HEAD = head(VALID.get(ModelFile.PARAMS), 256);

  @FuzzTest(maxDuration = "5m")
  void load_anyBytes_modelOrRecognizerException(byte[] bytes) {
    Path file = FuzzFiles.write("model.zip", bytes);
    expectModelOrRefusal(file);
  }

  @FuzzTest(maxDuration = "5m")
  void load_checksummedEntries_modelOrRecognizerException(FuzzedDataProvider data) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    int mode = data.consumeInt(0, 3);
    // 0: fuzzed model.json; 1..3: the valid model.json with fuzzed (1), header-mutated (2) or truncated (3) params
    entries.put(ModelFile.MODEL_JSON, mode == 0
        ? data.consumeBytes(data.consumeInt(0, 4096)) : VALID.get(ModelFile.MODEL_JSON));
    entries.put(ModelFile.DICTIONARY, VALID.get(ModelFile.DICTIONARY));
    entries.put(ModelFile.NGRAMS, VALID.get(ModelFile.NGRAMS));
    byte[] params;
    if (mode == 2) {
      params = PARAMS_HEAD.clone();
      byte[] patch = data.consumeBytes(64);
      int at = data.consumeInt(0, params.length - 1);
      for (int i = 0; i < patch.length && at + i < params.length; i++) {
        params[at + i] = patch[i];
      }
    } else if (mode == 3) {
      params = head(VALID.get(ModelFile.PARAMS), data.consumeInt(0, 1 << 16));
    } else {
      params = data.consumeRemainingAsBytes();
    }
    entries.put(ModelFile.PARAMS, params);
    Path file = FuzzFiles.write("checksummed.zip", zipWithChecksums(entries));
    expectModelOrRefusal(file);
  }

  private static void expectModelOrRefusal(Path file) {
    try {
      JazNet net = ModelFile.load(file);
      assertThat(net.graph().numParams()).isPositive();
    } catch (RecognizerException e) {
      assertThat(e.getMessage()).contains(file.toString());
    }
  }

  /** The entries of a freshly saved CHAR-only SMALL model. */
  private static Map<String, byte[]> validEntries() {
    try {
      Path dir = Files.createTempDirectory("jaznet-fuzz-model-");
      Path f = dir.resolve("valid.zip");
      ModelFile.save(JazNet.create(ModelSpec.of(Arch.SMALL, EnumSet.of(HeadKind.CHAR), List.of(), List.of()), 3), f);
      Map<String, byte[]> out = new LinkedHashMap<>();
      try (ZipFile z = new ZipFile(f.toFile())) {
        for (ZipEntry e : (Iterable<ZipEntry>) z.stream().map(ZipEntry.class::cast)::iterator) {
          try (InputStream in = z.getInputStream(e)) {
            out.put(e.getName(), in.readAllBytes());
          }
        }
      }
      Files.delete(f);
      Files.delete(dir);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RecognizerException e) {
      throw new IllegalStateException("cannot save the fuzz seed model", e);
    }
  }

  private static byte[] zipWithChecksums(Map<String, byte[]> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      StringBuilder sums = new StringBuilder();
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
        sums.append(sha256(e.getValue())).append("  ").append(e.getKey()).append('\n');
      }
      zip.putNextEntry(new ZipEntry(ModelFile.CHECKSUMS));
      zip.write(sums.toString().getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] head(byte[] b, int n) {
    return java.util.Arrays.copyOf(b, Math.min(n, b.length));
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
