package org.jaznet.pages.detect.scene;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.jaznet.pages.PageException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The scene detector's model file: one zip of {@value #HEADER} (format, version, network config, seed,
 * training totals; plain JSON), {@value #PARAMS} (the flattened parameters, FP16 by default, written
 * with {@code Nd4j.write}), optionally {@value #UPDATER} (Adam's state, FP32, for resuming), and
 * {@value #CHECKSUMS} (SHA-256 of each other entry). Loading checks every checksum, then rebuilds the
 * network in code from the config: no Java deserialisation, no DL4J configuration JSON.
 */
public final class SceneModelFile {
  public static final String FORMAT = "jaznet-scene-detector";
  public static final int VERSION = 1;
  public static final String HEADER = "detector.json";
  public static final String PARAMS = "params.bin";
  public static final String UPDATER = "updater.bin";
  public static final String CHECKSUMS = "checksums.sha256";
  private static final long MAX_ENTRY = 256L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SceneModelFile() {}

  /** What a model file holds. */
  public record Loaded(ComputationGraph net, SceneNetConfig config, long seed, long steps, long images) {}

  /** Writes atomically (temporary file, then rename). */
  public static void save(Path file, ComputationGraph net, SceneNetConfig config, long seed, long steps, long images,
      boolean fp16, boolean withUpdater) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    ObjectNode h = JSON.createObjectNode();
    h.put("format", FORMAT);
    h.put("version", VERSION);
    ObjectNode c = h.putObject("config");
    c.put("width", config.width());
    c.put("shrink", config.shrink());
    c.put("threshold", config.threshold());
    c.put("maxSide", config.maxSide());
    c.put("minSide", config.minSide());
    h.put("seed", seed);
    h.put("steps", steps);
    h.put("images", images);
    h.put("precision", fp16 ? "FP16" : "FP32");
    h.put("numParams", net.numParams());
    entries.put(HEADER, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(h));
    entries.put(PARAMS, array(fp16 ? net.params().castTo(DataType.HALF) : net.params()));
    if (withUpdater && net.getUpdater() != null && net.getUpdater().getStateViewArray() != null) {
      entries.put(UPDATER, array(net.getUpdater().getStateViewArray()));
    }
    StringBuilder sums = new StringBuilder();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      sums.append(sha256(e.getValue())).append("  ").append(e.getKey()).append('\n');
    }
    entries.put(CHECKSUMS, sums.toString().getBytes(StandardCharsets.US_ASCII));
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
        zip.setLevel(Deflater.BEST_SPEED);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
          zip.putNextEntry(new ZipEntry(e.getKey()));
          zip.write(e.getValue());
          zip.closeEntry();
        }
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Loads a detector for inference. */
  public static Loaded load(Path file) throws PageException {
    return load(file, false);
  }

  /** Loads a detector; with {@code withUpdater}, also Adam's state for resuming training. */
  public static Loaded load(Path file, boolean withUpdater) throws PageException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        long total = 0;
        for (int n = zip.read(chunk); n > 0; n = zip.read(chunk)) {
          total += n;
          if (total > MAX_ENTRY) {
            throw new PageException(file + ": entry " + e.getName() + " is over " + MAX_ENTRY + " bytes");
          }
          buf.write(chunk, 0, n);
        }
        entries.put(e.getName(), buf.toByteArray());
      }
    } catch (IOException e) {
      throw new PageException(file + ": cannot read scene detector file: " + e.getMessage(), e);
    }
    byte[] sums = entries.get(CHECKSUMS);
    if (sums == null || !entries.containsKey(HEADER) || !entries.containsKey(PARAMS)) {
      throw new PageException(file + ": not a jaznet scene detector file (missing " + HEADER + ", " + PARAMS + " or " + CHECKSUMS + ")");
    }
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : new String(sums, StandardCharsets.US_ASCII).split("\n")) {
      if (!line.isBlank()) {
        String[] p = line.split("  ", 2);
        expected.put(p.length == 2 ? p[1].strip() : "", p[0]);
      }
    }
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      if (e.getKey().equals(CHECKSUMS)) {
        continue;
      }
      String want = expected.get(e.getKey());
      if (want == null || !want.equals(sha256(e.getValue()))) {
        throw new PageException(file + ": checksum mismatch for " + e.getKey() + " (file damaged?)");
      }
    }
    try {
      JsonNode h = JSON.readTree(entries.get(HEADER));
      if (!FORMAT.equals(h.path("format").asText()) || h.path("version").asInt() != VERSION) {
        throw new PageException(file + ": format " + h.path("format").asText() + " v" + h.path("version").asInt()
            + ", expected " + FORMAT + " v" + VERSION);
      }
      JsonNode c = h.path("config");
      SceneNetConfig config = new SceneNetConfig(c.path("width").asInt(), c.path("shrink").asDouble(),
          c.path("threshold").asDouble(), c.path("maxSide").asInt(), c.path("minSide").asInt());
      long seed = h.path("seed").asLong();
      ComputationGraph net = SceneNet.create(config, seed, 1e-3);
      INDArray params = read(entries.get(PARAMS));
      if (params.length() != net.numParams()) {
        throw new PageException(file + ": " + params.length() + " parameters, the network has " + net.numParams());
      }
      net.setParams(params.castTo(DataType.FLOAT).reshape(1, net.numParams()));
      byte[] upd = entries.get(UPDATER);
      if (withUpdater && upd != null && net.getUpdater() != null) {
        INDArray state = read(upd);
        INDArray view = net.getUpdater().getStateViewArray();
        if (view != null && view.length() == state.length()) {
          view.assign(state.reshape(view.shape()));
        }
      }
      return new Loaded(net, config, seed, h.path("steps").asLong(), h.path("images").asLong());
    } catch (IOException | RuntimeException e) {
      throw new PageException(file + ": malformed scene detector file: " + e.getMessage(), e);
    }
  }

  private static byte[] array(INDArray a) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(buf)) {
      Nd4j.write(a, out);
    }
    return buf.toByteArray();
  }

  private static INDArray read(byte[] b) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
      return Nd4j.read(in);
    }
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
