package org.jaznet.synth.run;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A generation run in its own JVM, for the kill-and-resume test. Arguments: dictionary, out dir, count,
 * format, threads, charBoxes, milliseconds to pause after each chunk (so the kill lands mid-run),
 * chunk size.
 * Prints {@code progress <done>} after each chunk.
 */
public final class RunChild {
  private RunChild() {}

  public static void main(String[] args) throws Exception {
    long pause = Long.parseLong(args[6]);
    RunConfig config = new RunConfig(Long.parseLong(args[2]), Path.of(args[1]), OutputFormat.valueOf(args[3]),
        Integer.parseInt(args[4]), false, Boolean.parseBoolean(args[5]), Optional.empty());
    new SynthRun(RunFixtures.engine(Path.of(args[0]), 7), config, Integer.parseInt(args[7])).run((done, total) -> {
      System.out.println("progress " + done);
      System.out.flush();
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    System.out.println("finished");
  }
}
