package org.jaznet.pipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** INTERIM placeholder: being built. */
@Command(name = "batch", mixinStandardHelpOptions = true, description = "Read every word image of a corpus with a Beam pipeline")
final class BatchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("jaznet batch: not built yet");
    return 2;
  }
}
