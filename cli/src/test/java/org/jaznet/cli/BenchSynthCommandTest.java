package org.jaznet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchSynthCommandTest {
  @Test
  void benchSynth_shortRun_endsWithContractLine() {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      code = JaznetCli.commandLine().execute("bench", "synth", "--threads", "1", "--seconds", "0.5");
    } finally {
      System.setOut(old);
    }
    String[] lines = buf.toString(StandardCharsets.UTF_8).strip().split("\n");
    assertThat(code).isZero();
    assertThat(lines[lines.length - 1]).matches("synth: [1-9][0-9]* images/s total, [1-9][0-9]* images/s per thread, 1 threads");
  }

  @Test
  void benchSynth_zeroThreads_usageError() {
    assertThat(JaznetCli.commandLine().execute("bench", "synth", "--threads", "0")).isEqualTo(2);
  }
}
