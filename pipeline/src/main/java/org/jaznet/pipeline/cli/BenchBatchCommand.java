package org.jaznet.pipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** INTERIM placeholder: being built. */
@Command(name = "batch", mixinStandardHelpOptions = true, description = "Benchmark batch")
final class BenchBatchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("jaznet bench batch: not built yet");
    return 2;
  }
}
