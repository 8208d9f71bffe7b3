package org.jaznet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jaznet} command line: one subcommand per task. */
@Command(
    name = "jaznet",
    mixinStandardHelpOptions = true,
    version = "jaznet 0.1.0",
    description = "Scene-text word recognition after Jaderberg et al.: synthetic data, CNN recognizer, Beam pipelines.",
    subcommands = {
      DemoCommand.class,
      SynthCommand.class,
      TrainCommand.class,
      TrainDetectorCommand.class,
      EvalCommand.class,
      RecognizeCommand.class,
      ReadCommand.class,
      EvalPagesCommand.class,
      BatchCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class JaznetCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line (also used by tests). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new JaznetCli());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }
}
