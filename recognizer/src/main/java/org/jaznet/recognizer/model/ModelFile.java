package org.jaznet.recognizer.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.jaznet.recognizer.RecognizerException;

/**
 * The jaznet model file: one zip holding {@value #MODEL_JSON} (format, spec, seed, precision,
 * calibration; written and read as a plain JSON tree), {@value #PARAMS} ({@code Nd4j.write} of the
 * flattened parameters), optionally {@value #UPDATER} (optimiser state, for resuming training),
 * {@value #DICTIONARY} and {@value #NGRAMS} (one entry a line), and {@value #CHECKSUMS} (SHA-256 of
 * every other entry, {@code sha256sum} format). Loading verifies every checksum first, then rebuilds the
 * graph in code from the spec: no Java deserialization and no DL4J configuration JSON is ever read.
 *
 * <p>Writing is {@link ModelFileWriter}'s, reading {@link ModelFileReader}'s, and the checks every entry passes
 * before it is parsed (checksums, size limits, array headers) {@link ModelFileChecks}'.
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

  static final List<String> REQUIRED = List.of(MODEL_JSON, PARAMS, DICTIONARY, NGRAMS);
  static final long MAX_TEXT_BYTES = 64L << 20;
  static final long MAX_BINARY_BYTES = 8L << 30;
  static final ObjectMapper JSON = new ObjectMapper();

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
    ModelFileWriter.save(net, file, precision, withUpdater);
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
    return ModelFileReader.load(file, withUpdater);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}
