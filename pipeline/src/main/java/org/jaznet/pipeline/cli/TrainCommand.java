package org.jaznet.pipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** INTERIM placeholder: being built. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a recognizer model")
final class TrainCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("jaznet train: not built yet");
    return 2;
  }
}
