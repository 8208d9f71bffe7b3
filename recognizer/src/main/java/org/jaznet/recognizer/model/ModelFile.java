package org.jaznet.recognizer.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.head.Calibration;
import org.jaznet.recognizer.head.SymbolSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The jaznet model file: one zip holding {@value #MODEL_JSON} (format, spec, seed, precision,
 * calibration; written and read as a plain JSON tree), {@value #PARAMS} ({@code Nd4j.write} of the
 * flattened parameters), optionally {@value #UPDATER} (optimiser state, for resuming training),
 * {@value #DICTIONARY} and {@value #NGRAMS} (one entry a line), and {@value #CHECKSUMS} (SHA-256 of
 * every other entry, {@code sha256sum} format). Loading verifies every checksum first, then rebuilds the
 * graph in code from the spec: no Java deserialization and no DL4J configuration JSON is ever read.
 */
public final class ModelFile {
  public static final String FORMAT = "jaznet-model";
  public static final int VERSION = 1;
  public static final String MODEL_JSON = "model.json";
  public static final String PARAMS = "params.bin";
  public static final String UPDATER = "updater.bin";
  public static final String DICTIONARY = "dictionary.txt";
  public static final String NGRAMS = "ngrams.txt";
  public static final String CHECKSUMS = "checksums.sha256";

  private static final List<String> REQUIRED = List.of(MODEL_JSON, PARAMS, DICTIONARY, NGRAMS);
  private static final long MAX_TEXT_BYTES = 64L << 20;
  private static final long MAX_BINARY_BYTES = 8L << 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelFile() {}

  /** Saves with FP32 weights and without optimiser state. */
  public static void save(JazNet net, Path file) throws RecognizerException {
    save(net, file, Precision.FP32, false);
  }

  /** Saves without optimiser state. */
  public static void save(JazNet net, Path file, Precision precision) throws RecognizerException {
    save(net, file, precision, false);
  }

  /**
   * Writes the model atomically (a temporary file in the same folder, then a rename).
   *
   * @param withUpdater also store the optimiser state (for {@code --resume}; doubles the size with Adam)
   */
  public static void save(JazNet net, Path file, Precision precision, boolean withUpdater) throws RecognizerException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      write(net, tmp, precision, withUpdater);
      // temp files are created owner-only; a model is meant to be read by the services that use it
      try {
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException notPosix) {
        // non-POSIX file system: keep its defaults
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException | RuntimeException e) {
      throw new RecognizerException("cannot write model file " + file + ": " + e, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is left behind; the target is untouched
        }
      }
    }
  }

  private static void write(JazNet net, Path tmp, Precision precision, boolean withUpdater) throws IOException {
    ModelSpec spec = net.spec();
    Map<String, String> sums = new LinkedHashMap<>();
    try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
      zip.setLevel(Deflater.BEST_SPEED);
      putBytes(zip, MODEL_JSON, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header(net, precision)), sums);
      putBytes(zip, DICTIONARY, lines(spec.dictionary()), sums);
      putBytes(zip, NGRAMS, lines(spec.ngrams()), sums);
      INDArray params = net.graph().params();
      putArray(zip, PARAMS, precision == Precision.FP16 ? params.castTo(DataType.HALF) : params, sums);
      INDArray state = net.graph().getUpdater() == null ? null : net.graph().getUpdater().getStateViewArray();
      if (withUpdater && state != null) {
        putArray(zip, UPDATER, state, sums);
      }
      StringBuilder sb = new StringBuilder();
      for (Map.Entry<String, String> e : sums.entrySet()) {
        sb.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
      }
      zip.putNextEntry(new ZipEntry(CHECKSUMS));
      zip.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
  }

  private static ObjectNode header(JazNet net, Precision precision) {
    ModelSpec s = net.spec();
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("arch", s.arch().name());
    ArrayNode heads = root.putArray("heads");
    s.heads().forEach(h -> heads.add(h.name()));
    root.put("dictionarySize", s.dictionary().size());
    root.put("dictActive", s.dictActive());
    root.put("ngramCount", s.ngrams().size());
    root.put("optimiser", s.optimiser().name());
    root.put("learningRate", s.learningRate());
    root.put("l2", s.l2());
    root.put("dropout", s.dropout());
    root.put("symbols", s.symbols().name());
    root.put("seed", net.seed());
    root.put("precision", precision.name());
    root.put("numParams", net.graph().numParams());
    Calibration c = net.calibration();
    ObjectNode cal = root.putObject("calibration");
    cal.put("dictWeight", c.dictWeight());
    cal.put("charWeight", c.charWeight());
    cal.put("ngramWeight", c.ngramWeight());
    cal.put("ctcWeight", c.ctcWeight());
    cal.put("otherBias", c.otherBias());
    cal.put("fittedOn", c.fittedOn());
    cal.put("shortDictWeight", c.shortDictWeight());
    cal.put("shortCharWeight", c.shortCharWeight());
    cal.put("shortCtcWeight", c.shortCtcWeight());
    return root;
  }

  private static byte[] lines(List<String> words) {
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      sb.append(w).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void putBytes(ZipOutputStream zip, String name, byte[] data, Map<String, String> sums)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
    sums.put(name, HexFormat.of().formatHex(sha256().digest(data)));
  }

  private static void putArray(ZipOutputStream zip, String name, INDArray a, Map<String, String> sums)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    MessageDigest md = sha256();
    DigestOutputStream out = new DigestOutputStream(new FilterOutputStream(zip) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() {
        // the zip stays open for the next entry
      }
    }, md);
    try (java.io.DataOutputStream dos = new java.io.DataOutputStream(new BufferedOutputStream(out, 1 << 16))) {
      Nd4j.write(a, dos);
    }
    zip.closeEntry();
    sums.put(name, HexFormat.of().formatHex(md.digest()));
  }

  /** Loads a model for inference (the optimiser state, if stored, is ignored). */
  public static JazNet load(Path file) throws RecognizerException {
    return load(file, false);
  }

  /**
   * Loads a model, verifying every checksum first.
   *
   * @param withUpdater also restore the optimiser state when the file has it (resuming training)
   * @throws RecognizerException naming the file and the problem: missing, not a zip, not a jaznet
   *     model, corrupt or tampered entries, a spec or weights that do not fit together
   */
  public static JazNet load(Path file, boolean withUpdater) throws RecognizerException {
    Dl4jSetup.ensure();
    if (!Files.isRegularFile(file)) {
      throw new RecognizerException("model file " + file + " does not exist or is not a regular file");
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Map<String, String> sums = readChecksums(zip, file);
      try {
        verify(zip, file, sums);
      } catch (IllegalArgumentException badName) {
        // java.util.zip rejects entry names that are not valid UTF-8 while enumerating (finding F8)
        throw new RecognizerException("model file " + file + " has a malformed zip entry name: "
            + badName.getMessage(), badName);
      }
      JsonNode root = JSON.readTree(readLimited(zip, MODEL_JSON, 1 << 20, file));
      if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
        throw new RecognizerException("model file " + file + " is not a jaznet model (" + MODEL_JSON
            + " lacks \"format\": \"" + FORMAT + "\")");
      }
      int version = root.path("version").asInt(-1);
      if (version != VERSION) {
        throw new RecognizerException("model file " + file + " has format version " + version
            + "; this build reads version " + VERSION);
      }
      List<String> dictionary = textLines(readLimited(zip, DICTIONARY, MAX_TEXT_BYTES, file));
      List<String> ngrams = textLines(readLimited(zip, NGRAMS, MAX_TEXT_BYTES, file));
      ModelSpec spec;
      Calibration calibration;
      long seed;
      Precision precision;
      try {
        EnumSet<HeadKind> heads = EnumSet.noneOf(HeadKind.class);
        for (JsonNode h : required(root, "heads", file)) {
          heads.add(HeadKind.valueOf(h.asText()));
        }
        spec = new ModelSpec(
            Arch.valueOf(required(root, "arch", file).asText()),
            heads,
            dictionary,
            required(root, "dictActive", file).asInt(),
            ngrams,
            Optimiser.valueOf(required(root, "optimiser", file).asText()),
            required(root, "learningRate", file).asDouble(),
            required(root, "l2", file).asDouble(),
            required(root, "dropout", file).asDouble(),
            SymbolSet.fromFile(root.hasNonNull("symbols") ? root.get("symbols").asText() : null));
        seed = required(root, "seed", file).asLong();
        precision = Precision.valueOf(required(root, "precision", file).asText());
        JsonNode c = required(root, "calibration", file);
        calibration = new Calibration(
            required(c, "dictWeight", file).asDouble(),
            required(c, "charWeight", file).asDouble(),
            required(c, "ngramWeight", file).asDouble(),
            c.path("ctcWeight").asDouble(1.0), // absent in files without a CTC head
            required(c, "otherBias", file).asDouble(),
            required(c, "fittedOn", file).asInt(),
            // absent in files written before they existed: one weight per head for every length, as they were fitted
            c.path("shortDictWeight").asDouble(required(c, "dictWeight", file).asDouble()),
            c.path("shortCharWeight").asDouble(required(c, "charWeight", file).asDouble()),
            c.path("shortCtcWeight").asDouble(c.path("ctcWeight").asDouble(1.0)));
      } catch (IllegalArgumentException e) {
        throw new RecognizerException("model file " + file + " has an invalid spec: " + e.getMessage(), e);
      }
      long expected = JazNet.numParams(spec);
      if (root.path("numParams").asLong(-1) != expected) {
        throw new RecognizerException("model file " + file + " declares " + root.path("numParams").asLong(-1)
            + " parameters but its spec builds a graph with " + expected);
      }
      DataType stored = precision == Precision.FP16 ? DataType.HALF : DataType.FLOAT;
      INDArray params = readArray(zip, PARAMS, file, expected, stored);
      JazNet net;
      try {
        net = JazNet.withParams(spec, seed, params.castTo(DataType.FLOAT), calibration);
      } catch (RuntimeException e) {
        throw new RecognizerException("model file " + file + ": weights do not fit the spec: " + e.getMessage(), e);
      }
      if (withUpdater && zip.getEntry(UPDATER) != null && net.graph().getUpdater() != null) {
        INDArray view = net.graph().getUpdater().getStateViewArray();
        if (view != null) {
          INDArray state = readArray(zip, UPDATER, file, view.length(), view.dataType());
          view.assign(state.reshape(view.shape()));
        }
      }
      return net;
    } catch (ZipException e) {
      throw new RecognizerException("model file " + file + " is not a valid zip archive: " + e.getMessage(), e);
    } catch (NoSuchFileException e) {
      throw new RecognizerException("model file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new RecognizerException("cannot read model file " + file + ": " + e, e);
    }
  }

  private static JsonNode required(JsonNode node, String field, Path file) throws RecognizerException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new RecognizerException("model file " + file + ": " + MODEL_JSON + " lacks the field \"" + field + "\"");
    }
    return v;
  }

  private static Map<String, String> readChecksums(ZipFile zip, Path file) throws IOException, RecognizerException {
    if (zip.getEntry(CHECKSUMS) == null) {
      throw new RecognizerException("model file " + file + " is not a jaznet model: no " + CHECKSUMS + " entry");
    }
    String text = new String(readLimited(zip, CHECKSUMS, 1 << 16, file), StandardCharsets.US_ASCII);
    Map<String, String> sums = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      int sep = line.indexOf("  ");
      if (sep != 64 || !line.substring(0, 64).matches("[0-9a-f]{64}")) {
        throw new RecognizerException("model file " + file + ": malformed line in " + CHECKSUMS + ": '" + line + "'");
      }
      sums.put(line.substring(sep + 2), line.substring(0, 64));
    }
    for (String name : REQUIRED) {
      if (!sums.containsKey(name)) {
        throw new RecognizerException("model file " + file + " is not a jaznet model: " + CHECKSUMS
            + " does not cover " + name);
      }
    }
    return sums;
  }

  private static void verify(ZipFile zip, Path file, Map<String, String> sums) throws IOException, RecognizerException {
    List<String> seen = new ArrayList<>();
    Enumeration<? extends ZipEntry> entries = zip.entries();
    while (entries.hasMoreElements()) {
      ZipEntry e = entries.nextElement();
      String name = e.getName();
      if (name.equals(CHECKSUMS)) {
        continue;
      }
      String want = sums.get(name);
      if (want == null) {
        throw new RecognizerException("model file " + file + " has an entry not covered by its checksums: " + name);
      }
      MessageDigest md = sha256();
      long limit = name.endsWith(".bin") ? MAX_BINARY_BYTES : MAX_TEXT_BYTES;
      long n = 0;
      try (InputStream in = new DigestInputStream(zip.getInputStream(e), md)) {
        byte[] buf = new byte[1 << 16];
        int r;
        while ((r = in.read(buf)) > 0) {
          n += r;
          if (n > limit) {
            throw new RecognizerException("model file " + file + ": entry " + name + " is larger than " + limit + " bytes");
          }
        }
      } catch (ZipException ze) {
        throw new RecognizerException("model file " + file + ": entry " + name + " is corrupt: " + ze.getMessage(), ze);
      }
      String got = HexFormat.of().formatHex(md.digest());
      if (!got.equals(want)) {
        throw new RecognizerException("model file " + file + ": checksum mismatch for " + name
            + " (the file is corrupt or was modified)");
      }
      seen.add(name);
    }
    for (String name : sums.keySet()) {
      if (!seen.contains(name)) {
        throw new RecognizerException("model file " + file + " lacks the entry " + name + " listed in " + CHECKSUMS);
      }
    }
  }

  private static byte[] readLimited(ZipFile zip, String name, long limit, Path file) throws IOException, RecognizerException {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      throw new RecognizerException("model file " + file + " lacks the entry " + name);
    }
    try (InputStream in = zip.getInputStream(e)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      int r;
      while ((r = in.read(buf)) > 0) {
        out.write(buf, 0, r);
        if (out.size() > limit) {
          throw new RecognizerException("model file " + file + ": entry " + name + " is larger than " + limit + " bytes");
        }
      }
      return out.toByteArray();
    }
  }

  private static List<String> textLines(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static INDArray readArray(ZipFile zip, String name, Path file, long expectedLength, DataType expectedType)
      throws IOException, RecognizerException {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      throw new RecognizerException("model file " + file + " lacks the entry " + name);
    }
    long width = expectedType.width();
    // Bounded before anything is allocated: shape header (< 1 KB) plus the expected values.
    long maxBytes = 1024 + expectedLength * width;
    if (e.getSize() > maxBytes) {
      throw new RecognizerException("model file " + file + ": entry " + name + " is " + e.getSize()
          + " bytes, more than the " + maxBytes + " its spec allows");
    }
    byte[] bytes;
    try (java.io.InputStream raw = zip.getInputStream(e)) {
      bytes = raw.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    }
    if (bytes.length > maxBytes) {
      throw new RecognizerException("model file " + file + ": entry " + name + " holds more than the "
          + maxBytes + " bytes its spec allows");
    }
    checkArrayHeader(bytes, file, name, expectedLength, expectedType);
    INDArray a;
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      a = Nd4j.read(in);
    } catch (IOException | RuntimeException | OutOfMemoryError ex) {
      throw new RecognizerException("model file " + file + ": entry " + name + " is not a readable array: " + ex, ex);
    }
    if (a == null || a.length() != expectedLength || a.dataType() != expectedType) {
      throw new RecognizerException("model file " + file + ": entry " + name + " holds "
          + (a == null ? "nothing" : a.length() + " " + a.dataType() + " values") + ", expected "
          + expectedLength + " " + expectedType + " values");
    }
    return a;
  }

  /**
   * Checks the two buffer headers {@code Nd4j.write} produces (allocation mode, length, type, values; the
   * shape buffer then the data buffer) before {@code Nd4j.read} sees the bytes: a crafted length makes the
   * native allocation fail and kill the JVM, and a zero length loads weights that point at no memory.
   */
  static void checkArrayHeader(byte[] bytes, Path file, String name, long expectedLength, DataType expectedType)
      throws RecognizerException {
    String where = "model file " + file + ": entry " + name;
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
      in.readUTF();
      long shapeLength = in.readLong();
      DataType shapeType = dataType(in.readUTF(), where);
      // shape info of a rank-r array holds 2r + 4 values; parameters are rank 1 or 2
      if (shapeLength < 6 || shapeLength > 8 || (shapeType != DataType.LONG && shapeType != DataType.INT)) {
        throw new RecognizerException(where + " has a malformed shape header (" + shapeLength + " " + shapeType + ")");
      }
      in.skipNBytes(shapeLength * shapeType.width());
      in.readUTF();
      long length = in.readLong();
      DataType type = dataType(in.readUTF(), where);
      if (length != expectedLength || type != expectedType) {
        throw new RecognizerException(where + " declares " + length + " " + type + " values, expected "
            + expectedLength + " " + expectedType);
      }
      if (in.available() != length * type.width()) {
        throw new RecognizerException(where + " holds " + in.available() + " bytes of values, expected "
            + length * type.width());
      }
    } catch (IOException ex) {
      throw new RecognizerException(where + " has a truncated or malformed array header: " + ex, ex);
    }
  }

  private static DataType dataType(String name, String where) throws RecognizerException {
    try {
      return DataType.valueOf(name);
    } catch (IllegalArgumentException ex) {
      throw new RecognizerException(where + " names an unknown data type '" + name + "'");
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}
