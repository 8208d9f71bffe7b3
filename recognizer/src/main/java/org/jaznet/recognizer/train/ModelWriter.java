package org.jaznet.recognizer.train;

import java.io.IOException;
import java.nio.file.Path;
import org.jaznet.recognizer.model.JazNet;

/** Writes the trained model file. */
final class ModelWriter {
  private ModelWriter() {}

  /**
   * INTERIM until the model file format (ModelFile, issue 3) lands: the checkpoint format without the
   * trainer's progress. Replaced by ModelFile.save so that Recognizer.load reads it.
   */
  static void write(JazNet net, Path out) throws IOException {
    Path tmpDir = out.toAbsolutePath().getParent().resolve("." + out.getFileName() + ".write");
    Checkpoints.TrainState s = new Checkpoints.TrainState(0, 0, 0, net.spec(), net.seed(), 0, 0, 0, 0, java.util.List.of());
    Path written = Checkpoints.save(tmpDir, s, net);
    Checkpoints.moveAtomically(written, out);
    java.nio.file.Files.deleteIfExists(tmpDir);
  }
}
