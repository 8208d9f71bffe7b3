package org.jaznet.synth.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jaznet.synth.ProjectPaths;
import org.jaznet.synth.SynthEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} in the middle of a run, then {@code --resume}: the same files as an uninterrupted run. */
class SynthRunKillTest {
  @TempDir Path tmp;

  private void killThenResume_sameFiles(OutputFormat format, boolean charBoxes) throws Exception {
    Path dict = RunFixtures.dictionary(tmp);
    SynthEngine engine = RunFixtures.engine(dict, 7);
    long count = 200;
    Path out = tmp.resolve("killed");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-Djaznet.home=" + ProjectPaths.home(), "-cp", System.getProperty("java.class.path"),
        RunChild.class.getName(), dict.toString(), out.toString(), Long.toString(count), format.name(), "2",
        Boolean.toString(charBoxes), "100", Integer.toString(SynthRunTest.CHUNK)));
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    long seen = 0;
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("progress ")) {
          seen = Long.parseLong(line.substring(9));
          if (seen >= 64) {
            child.destroyForcibly();
            break;
          }
        }
      }
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).as("child output %s", lines).isGreaterThanOrEqualTo(64).isLessThan(count);
    assertThat(out.resolve(".jaznet-run")).as("killed mid-run").isDirectory();
    assertThat(out.resolve("labels.tsv")).doesNotExist();

    RunConfig c = new RunConfig(count, out, format, 2, true, charBoxes, Optional.empty());
    RunSummary s = new SynthRun(engine, c, SynthRunTest.CHUNK).run(ProgressListener.NONE);
    assertThat(s.skipped()).isGreaterThanOrEqualTo(64);

    Path ref = tmp.resolve("ref");
    new SynthRun(engine, new RunConfig(count, ref, format, 1, false, charBoxes, Optional.empty()), SynthRunTest.CHUNK)
        .run(ProgressListener.NONE);
    RunFixtures.assertSameFiles(out, ref);
  }

  @Test
  void run_mjsynthKilledWithSigkillThenResumed_sameFilesAsUninterruptedRun() throws Exception {
    killThenResume_sameFiles(OutputFormat.MJSYNTH, true);
  }

  /** A second child JVM costs seconds on this machine: run with {@code -Djaznet.heavy=true}. */
  @Test
  void run_lmdbKilledWithSigkillThenResumed_sameDatabaseAsUninterruptedRun() throws Exception {
    assumeTrue(Boolean.getBoolean("jaznet.heavy"), "heavy: set -Djaznet.heavy=true");
    killThenResume_sameFiles(OutputFormat.LMDB, false);
  }
}
