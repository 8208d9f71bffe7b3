package org.jaznet.pipeline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** INTERIM placeholder: being built. */
@Command(name = "synth", mixinStandardHelpOptions = true, description = "Render synthetic word images (MJSynth layout, LMDB or labels.tsv)")
final class SynthCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("jaznet synth: not built yet");
    return 2;
  }
}
