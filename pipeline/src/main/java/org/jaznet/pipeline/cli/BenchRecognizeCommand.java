package org.jaznet.pipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** INTERIM placeholder: being built. */
@Command(name = "recognize", mixinStandardHelpOptions = true, description = "Benchmark recognize")
final class BenchRecognizeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("jaznet bench recognize: not built yet");
    return 2;
  }
}
