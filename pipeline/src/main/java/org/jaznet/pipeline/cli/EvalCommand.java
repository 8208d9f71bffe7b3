package org.jaznet.pipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** INTERIM placeholder: being built. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a model on a labelled dataset")
final class EvalCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("jaznet eval: not built yet");
    return 2;
  }
}
