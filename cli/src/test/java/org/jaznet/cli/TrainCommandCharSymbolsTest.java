package org.jaznet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.jaznet.recognizer.head.SymbolSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code train --char-symbols}: unset by default (the run decides), parsed in either case. */
class TrainCommandCharSymbolsTest {
  private static TrainCommand parse(String... args) {
    CommandLine top = JaznetCli.commandLine();
    String[] all = new String[args.length + 3];
    all[0] = "train";
    all[1] = "--out";
    all[2] = "m.zip";
    System.arraycopy(args, 0, all, 3, args.length);
    top.parseArgs(all);
    return top.getSubcommands().get("train").getCommand();
  }

  @Test
  void parse_charSymbols_unsetByDefaultAndCaseInsensitive() {
    assertThat(parse("--symbols", "print").charSymbols).isNull();
    assertThat(parse("--symbols", "print", "--char-symbols", "print").charSymbols).isEqualTo(SymbolSet.PRINT);
    assertThat(parse("--char-symbols", "LOWER").charSymbols).isEqualTo(SymbolSet.LOWER);
  }
}
