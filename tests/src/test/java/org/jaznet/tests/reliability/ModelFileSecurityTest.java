package org.jaznet.tests.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.deeplearning4j.util.ModelSerializer;
import org.jaznet.cli.JaznetCli;
import org.jaznet.pipeline.io.ImageDecoder;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.recognizer.model.ModelSpec;
import org.jaznet.synth.Lexicon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files come from elsewhere: loading must never run Java deserialization, must verify the
 * checksums, and must refuse foreign or tampered files with a message naming the file and the problem.
 */
class ModelFileSecurityTest {
  private static final String OBJECT_INPUT_STREAM = "java/io/ObjectInputStream";

  @TempDir static Path dir;
  private static Path valid;
  private static Map<String, byte[]> entries;

  @BeforeAll
  static void saveTinyModel() throws Exception {
    JazNet net = JazNet.create(ModelSpec.of(Arch.SMALL, EnumSet.of(HeadKind.CHAR), List.of(), List.of()), 7);
    valid = dir.resolve("valid.zip");
    ModelFile.save(net, valid);
    entries = ModelZips.read(valid);
  }

  @Test
  void projectBytecode_noModule_referencesObjectInputStream() throws Exception {
    List<String> offenders = new ArrayList<>();
    int classes = 0;
    for (Class<?> anchor : List.of(Lexicon.class, ModelFile.class, ImageDecoder.class, JaznetCli.class)) {
      Path where = codeSource(anchor);
      for (Map.Entry<String, byte[]> c : classFiles(where).entrySet()) {
        classes++;
        if (new String(c.getValue(), StandardCharsets.ISO_8859_1).contains(OBJECT_INPUT_STREAM)) {
          offenders.add(where.getFileName() + "!" + c.getKey());
        }
      }
    }
    assertThat(classes).as("classes scanned").isGreaterThan(50);
    assertThat(offenders).as("classes that can deserialize Java objects").isEmpty();
  }

  @Test
  void load_validModel_neverDeserializesJavaObjects() {
    assumeTrue(DeserializationWatch.available(), "another JVM-wide serial filter is installed");
    DeserializationWatch.Watched<JazNet> w = DeserializationWatch.run(() -> ModelFile.load(valid));
    assertThat(w.thrown()).isNull();
    assertThat(w.value().spec().heads()).containsExactly(HeadKind.CHAR);
    assertThat(w.deserialized()).isEmpty();
  }

  @Test
  void load_paramsHoldSerializedJavaObject_refusedWithoutDeserializing() throws Exception {
    assumeTrue(DeserializationWatch.available(), "another JVM-wide serial filter is installed");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      HashMap<String, Object> gadget = new HashMap<>();
      gadget.put("payload", new ArrayList<>(List.of("would run on readObject")));
      out.writeObject(gadget);
    }
    Map<String, byte[]> forged = new HashMap<>(entries);
    forged.put(ModelFile.PARAMS, bytes.toByteArray());
    Path file = ModelZips.write(dir.resolve("serialized-object.zip"), ModelZips.withFreshChecksums(forged));

    DeserializationWatch.Watched<JazNet> w = DeserializationWatch.run(() -> ModelFile.load(file));

    assertThat(w.deserialized()).isEmpty();
    assertThat(w.thrown()).isInstanceOf(RecognizerException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining(ModelFile.PARAMS);
  }

  @Test
  void load_paramsByteFlipped_refusedAsChecksumMismatch() throws Exception {
    Map<String, byte[]> tampered = new HashMap<>(entries);
    byte[] params = tampered.get(ModelFile.PARAMS).clone();
    params[params.length / 2] ^= 0x01;
    tampered.put(ModelFile.PARAMS, params);
    Path file = ModelZips.write(dir.resolve("tampered.zip"), tampered);

    assertThat(load(file)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("checksum mismatch for " + ModelFile.PARAMS);
  }

  @Test
  void load_extraEntryAdded_refused() throws Exception {
    Map<String, byte[]> extra = new HashMap<>(entries);
    extra.put("../../evil.sh", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII));
    Path file = ModelZips.write(dir.resolve("extra.zip"), extra);

    assertThat(load(file)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("not covered by its checksums: ../../evil.sh");
    assertThat(file.resolveSibling("../../evil.sh").normalize()).doesNotExist();
    assertThat(Path.of("../../evil.sh").toAbsolutePath().normalize()).doesNotExist();
  }

  @Test
  void load_dl4jModelSerializerZip_refusedAsForeign() throws Exception {
    JazNet net = ModelFile.load(valid);
    Path file = dir.resolve("dl4j-native.zip");
    ModelSerializer.writeModel(net.graph(), file.toFile(), false);

    assertThat(load(file)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("is not a jaznet model");
  }

  @Test
  void load_notAZipAtAll_refusedClearly() throws Exception {
    Path file = Files.writeString(dir.resolve("text.zip"), "this is not a model\n");
    assertThat(load(file)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("not a valid zip");
  }

  @Test
  void load_truncatedModel_refusedClearly() throws Exception {
    byte[] all = Files.readAllBytes(valid);
    Path file = Files.write(dir.resolve("truncated.zip"), java.util.Arrays.copyOf(all, all.length / 2));
    assertThat(load(file)).isInstanceOf(RecognizerException.class).hasMessageContaining(file.toString());
  }

  @Test
  void recognizerLoad_tamperedModelJson_refusedBeforeBuildingTheNet() throws Exception {
    Map<String, byte[]> tampered = new HashMap<>(entries);
    String json = new String(tampered.get(ModelFile.MODEL_JSON), StandardCharsets.UTF_8);
    tampered.put(ModelFile.MODEL_JSON, json.replace("\"SMALL\"", "\"PAPER\"").getBytes(StandardCharsets.UTF_8));
    Path file = ModelZips.write(dir.resolve("json-edited.zip"), tampered);

    assertThat(catchLoad(() -> Recognizer.load(file))).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("checksum mismatch for " + ModelFile.MODEL_JSON);
  }

  private static Throwable load(Path file) {
    return catchLoad(() -> ModelFile.load(file));
  }

  private static Throwable catchLoad(java.util.concurrent.Callable<?> c) {
    try {
      c.call();
      return null;
    } catch (Throwable t) {
      return t;
    }
  }

  /** Every .class file of a jar or a classes folder (a reactor build puts folders on the class path). */
  private static Map<String, byte[]> classFiles(Path where) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    if (Files.isDirectory(where)) {
      try (Stream<Path> s = Files.walk(where)) {
        for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".class"))::iterator) {
          out.put(where.relativize(p).toString(), Files.readAllBytes(p));
        }
      }
      return out;
    }
    try (JarFile jar = new JarFile(where.toFile())) {
      for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
        if (e.getName().endsWith(".class")) {
          try (InputStream in = jar.getInputStream(e)) {
            out.put(e.getName(), in.readAllBytes());
          }
        }
      }
    }
    return out;
  }

  private static Path codeSource(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
