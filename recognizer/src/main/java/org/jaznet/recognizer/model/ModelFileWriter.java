package org.jaznet.recognizer.model;

import static org.jaznet.recognizer.model.ModelFile.CHECKSUMS;
import static org.jaznet.recognizer.model.ModelFile.DICTIONARY;
import static org.jaznet.recognizer.model.ModelFile.FORMAT;
import static org.jaznet.recognizer.model.ModelFile.JSON;
import static org.jaznet.recognizer.model.ModelFile.MODEL_JSON;
import static org.jaznet.recognizer.model.ModelFile.NGRAMS;
import static org.jaznet.recognizer.model.ModelFile.PARAMS;
import static org.jaznet.recognizer.model.ModelFile.UPDATER;
import static org.jaznet.recognizer.model.ModelFile.VERSION;
import static org.jaznet.recognizer.model.ModelFile.sha256;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.head.Calibration;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writes a {@link ModelFile}: the entries in a fixed order, each one's SHA-256 taken as it is written, the checksum
 * list last; the whole file into a temporary file first, then renamed over the target.
 */
final class ModelFileWriter {
  private ModelFileWriter() {}

  /** As {@link ModelFile#save(JazNet, Path, Precision, boolean)}. */
  static void save(JazNet net, Path file, Precision precision, boolean withUpdater) throws RecognizerException {
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
    root.put("charSymbols", s.charSymbols().name());
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
}
