package org.jaznet.recognizer.train;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Training checkpoints: one zip per checkpoint, {@code step-<step>.ckpt} in the run's checkpoint
 * folder, holding the trainer state (JSON, with the model spec), the flat parameters and the updater
 * state. Each is written to a temporary file and renamed, so a folder only ever holds complete
 * checkpoints; resume takes the newest one that reads back, skipping damaged ones.
 */
public final class Checkpoints {
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
  private static final String STATE = "state.json";
  private static final String PARAMS = "params.bin";
  private static final String UPDATER = "updater.bin";
  static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** How many checkpoints are kept (older ones are deleted after a new one is complete). */
  static final int KEEP = 2;

  private Checkpoints() {}

  /**
   * The trainer's state beside the weights.
   *
   * @param step optimisation steps done
   * @param imagesSeen training images consumed
   * @param seconds training seconds so far, over all runs
   * @param spec the network's spec (DICT classes, active count, N-grams, arch, optimiser)
   * @param netSeed the seed the network was created with
   * @param netIterations the network's own iteration count (Adam's bias correction; reset by growth)
   * @param lastGrowthStep step of the last DICT growth (0 at the start)
   * @param bestDict best validation DICT accuracy since the last growth
   * @param validationsSinceBest validations since {@code bestDict} last improved
   * @param heldOut the words held out of training
   */
  /**
   * A run's state at a checkpoint. {@code streamSeed}, {@code shortWordRatio} and {@code numberRatio} are null in checkpoints
   * written before they were recorded.
   */
  public record TrainState(long step, long imagesSeen, double seconds, ModelSpec spec, long netSeed,
      int netIterations, long lastGrowthStep, double bestDict, int validationsSinceBest, List<String> heldOut,
      Long streamSeed, Double shortWordRatio, Double numberRatio) {}

  /** A restored checkpoint. */
  public record Restored(TrainState state, JazNet net, Path file) {}

  /** Writes a checkpoint atomically and prunes old ones; returns its path. */
  public static Path save(Path dir, TrainState state, JazNet net) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(String.format("step-%012d.ckpt", state.step()));
    Path tmp = Files.createTempFile(dir, ".step-", ".tmp");
    try {
      try (OutputStream fo = Files.newOutputStream(tmp);
          ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(fo, 1 << 16))) {
        zip.putNextEntry(new ZipEntry(STATE));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(PARAMS));
        writeArray(zip, net.graph().params());
        zip.closeEntry();
        INDArray updater = net.graph().getUpdater(true).getStateViewArray();
        if (updater != null) {
          zip.putNextEntry(new ZipEntry(UPDATER));
          writeArray(zip, updater);
          zip.closeEntry();
        }
      }
      readableByAll(tmp);
      moveAtomically(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
    prune(dir);
    return target;
  }

  private static void writeArray(OutputStream out, INDArray a) throws IOException {
    DataOutputStream d = new DataOutputStream(out);
    Nd4j.write(a, d);
    d.flush();
  }

  /** Temporary files are created owner-only; the files they become are ordinary (rw-r--r--). */
  static void readableByAll(Path p) {
    try {
      Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (IOException | UnsupportedOperationException e) {
      // not a POSIX file system: keep its defaults
    }
  }

  /** Renames {@code tmp} over {@code target}, atomically where the file system allows it. */
  public static void moveAtomically(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Complete checkpoints in the folder, newest first. */
  public static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith("step-") && n.endsWith(".ckpt");
      }).sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
    }
  }

  private static void prune(Path dir) throws IOException {
    List<Path> all = list(dir);
    for (int i = KEEP; i < all.size(); i++) {
      Files.deleteIfExists(all.get(i));
    }
  }

  /** The newest checkpoint that reads back, or null when the folder has none. */
  public static Restored latest(Path dir) throws IOException {
    IOException last = null;
    for (Path p : list(dir)) {
      try {
        return load(p);
      } catch (IOException | RuntimeException e) {
        LOG.warn("checkpoint {} cannot be read, trying an older one: {}", p, e.toString());
        last = e instanceof IOException io ? io : new IOException(e.toString(), e);
      }
    }
    if (last != null) {
      throw new IOException("no readable checkpoint in " + dir + "; last error: " + last.getMessage(), last);
    }
    return null;
  }

  /** Reads one checkpoint file. */
  public static Restored load(Path file) throws IOException {
    TrainState state = null;
    INDArray params = null;
    INDArray updater = null;
    try (InputStream fi = Files.newInputStream(file);
        ZipInputStream zip = new ZipInputStream(new BufferedInputStream(fi, 1 << 16))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        switch (e.getName()) {
          case STATE -> state = JSON.readValue(zip.readAllBytes(), TrainState.class);
          case PARAMS -> params = Nd4j.read(new DataInputStream(zip));
          case UPDATER -> updater = Nd4j.read(new DataInputStream(zip));
          default -> { }
        }
      }
    }
    if (state == null || params == null) {
      throw new IOException("checkpoint " + file + " lacks " + (state == null ? STATE : PARAMS));
    }
    JazNet net = JazNet.create(state.spec(), state.netSeed());
    if (net.graph().numParams() != params.length()) {
      throw new IOException("checkpoint " + file + " has " + params.length() + " parameters, its spec builds "
          + net.graph().numParams());
    }
    net.graph().setParams(params.reshape(net.graph().params().shape()));
    if (updater != null) {
      INDArray view = net.graph().getUpdater(true).getStateViewArray();
      if (view == null || view.length() != updater.length()) {
        throw new IOException("checkpoint " + file + " updater state has " + updater.length() + " values, expected "
            + (view == null ? 0 : view.length()));
      }
      view.assign(updater.reshape(view.shape()));
    }
    net.graph().getConfiguration().setIterationCount(state.netIterations());
    return new Restored(state, net, file);
  }

  /** Writes bytes atomically (temp file in the same folder, then rename). */
  public static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
    try {
      Files.write(tmp, bytes);
      readableByAll(tmp);
      moveAtomically(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
