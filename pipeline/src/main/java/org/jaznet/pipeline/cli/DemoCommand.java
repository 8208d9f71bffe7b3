package org.jaznet.pipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** INTERIM placeholder: being built. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Build, generate a small synthetic archive, read it with the default model, write an HTML report")
final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("jaznet demo: not built yet");
    return 2;
  }
}
