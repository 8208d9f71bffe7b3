package org.jaznet.pipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** INTERIM placeholder: being built. */
@Command(name = "synth", mixinStandardHelpOptions = true, description = "Benchmark synth")
final class BenchSynthCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("jaznet bench synth: not built yet");
    return 2;
  }
}
