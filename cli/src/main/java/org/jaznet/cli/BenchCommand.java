package org.jaznet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks that print figures (speed targets are checked here, never in timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure speed: synth, recognize, batch or pages (see each one's --help).",
    subcommands = {BenchSynthCommand.class, BenchRecognizeCommand.class, BenchBatchCommand.class, BenchPagesCommand.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
