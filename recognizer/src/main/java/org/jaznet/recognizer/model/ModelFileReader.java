package org.jaznet.recognizer.model;

import static org.jaznet.recognizer.model.ModelFile.DICTIONARY;
import static org.jaznet.recognizer.model.ModelFile.FORMAT;
import static org.jaznet.recognizer.model.ModelFile.JSON;
import static org.jaznet.recognizer.model.ModelFile.MAX_TEXT_BYTES;
import static org.jaznet.recognizer.model.ModelFile.MODEL_JSON;
import static org.jaznet.recognizer.model.ModelFile.NGRAMS;
import static org.jaznet.recognizer.model.ModelFile.PARAMS;
import static org.jaznet.recognizer.model.ModelFile.UPDATER;
import static org.jaznet.recognizer.model.ModelFile.VERSION;
import static org.jaznet.recognizer.model.ModelFileChecks.readArray;
import static org.jaznet.recognizer.model.ModelFileChecks.readChecksums;
import static org.jaznet.recognizer.model.ModelFileChecks.readLimited;
import static org.jaznet.recognizer.model.ModelFileChecks.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.head.Calibration;
import org.jaznet.recognizer.head.SymbolSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a {@link ModelFile}: every checksum verified first ({@link ModelFileChecks}), then the header's spec,
 * seed, precision and calibration parsed from the JSON tree, and the graph rebuilt in code from the spec with the
 * stored weights (and, for resuming, the optimiser state).
 */
final class ModelFileReader {
  private ModelFileReader() {}

  /** As {@link ModelFile#load(Path, boolean)}. */
  static JazNet load(Path file, boolean withUpdater) throws RecognizerException {
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
            SymbolSet.fromFile(root.hasNonNull("symbols") ? root.get("symbols").asText() : null),
            SymbolSet.fromFile(root.hasNonNull("charSymbols") ? root.get("charSymbols").asText() : null));
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
}
