package org.jaznet.pipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** INTERIM placeholder: being built. */
@Command(name = "recognize", mixinStandardHelpOptions = true, description = "Read the word in each image")
final class RecognizeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("jaznet recognize: not built yet");
    return 2;
  }
}
