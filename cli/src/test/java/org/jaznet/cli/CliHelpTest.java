package org.jaznet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's usage renders, and its first description line (the one picocli lists in its parent's
 * command list) is a whole sentence: {@code jaznet --help} never shows a description cut mid-sentence.
 */
class CliHelpTest {
  @Test
  void everyCommand_firstDescriptionLineIsASentenceAndUsageRenders() {
    List<String> checked = new ArrayList<>();
    visit(JaznetCli.commandLine(), checked);
    assertThat(checked).contains("jaznet", "jaznet batch", "jaznet demo", "jaznet eval", "jaznet bench batch",
        "jaznet bench recognize", "jaznet bench synth", "jaznet recognize", "jaznet synth", "jaznet train");
  }

  @Test
  void topLevelHelp_listsEachCommandsWholeFirstLine() {
    CommandLine top = JaznetCli.commandLine();
    String usage = flat(top.getUsageMessage(CommandLine.Help.Ansi.OFF));
    for (Map.Entry<String, CommandLine> e : top.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      String first = e.getValue().getCommandSpec().usageMessage().description()[0];
      assertThat(usage).as("jaznet --help lists '%s' in full", e.getKey()).contains(flat(first));
    }
  }

  /** An option two commands share has the same name in both (older names stay as aliases). */
  @Test
  void sharedOptions_haveTheSameNamesAcrossCommands() {
    CommandLine top = JaznetCli.commandLine();
    CommandLine.Model.CommandSpec synth = top.getSubcommands().get("synth").getCommandSpec();
    CommandLine.Model.CommandSpec train = top.getSubcommands().get("train").getCommandSpec();
    for (String name : List.of("--short-ratio", "--number-ratio", "--print-ratio", "--random-ratio", "--recipe",
        "--dictionary", "--seed", "--short-words", "--numbers", "--print-forms", "--random-strings")) {
      assertThat(synth.findOption(name)).as("synth %s", name).isNotNull();
      assertThat(train.findOption(name)).as("train %s", name).isNotNull();
      assertThat(synth.findOption(name).longestName()).as(name).isEqualTo(train.findOption(name).longestName());
    }
    for (String cmd : List.of("eval", "recognize", "batch", "read", "eval-pages")) {
      CommandLine.Model.CommandSpec spec = top.getSubcommands().get(cmd).getCommandSpec();
      assertThat(spec.findOption("--model")).as("%s --model", cmd).isNotNull();
    }
  }

  private static void visit(CommandLine cl, List<String> checked) {
    CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
    String name = spec.qualifiedName();
    if (!spec.name().equals("help")) {
      String[] description = spec.usageMessage().description();
      assertThat(description).as("%s has a description", name).isNotEmpty();
      assertThat(description[0].strip()).as("%s: first description line", name).endsWith(".");
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      java.io.PrintStream saved = System.err;
      String usage;
      System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
      try {
        usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
      } finally {
        System.setErr(saved);
      }
      // picocli warns on stderr (and prints the raw text) when a description is not a valid format string
      assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).as("%s --help writes no warning", name).isEmpty();
      assertThat(usage).as("%s usage has no unformatted %%n", name).doesNotContain("%n");
      assertThat(usage).as("%s usage", name).startsWith("Usage: " + name);
      assertThat(flat(usage)).as("%s usage shows every description line", name)
          .contains(java.util.Arrays.stream(description).map(CliHelpTest::flat).toList());
      checked.add(name);
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      visit(sub, checked);
    }
  }

  /** Without whitespace: picocli wraps long lines at spaces (and, in long words, after punctuation). */
  private static String flat(String s) {
    return s.replaceAll("\\s+", "");
  }
}
