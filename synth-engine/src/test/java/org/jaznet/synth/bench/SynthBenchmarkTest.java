package org.jaznet.synth.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.TestData;
import org.junit.jupiter.api.Test;

/** The benchmark's bookkeeping only: its figures are printed by {@code main}, never asserted as speeds. */
class SynthBenchmarkTest {
  @Test
  void run_twoThreadsShortly_countsImagesAndPrintsTheContractLine() throws Exception {
    SynthEngine e = SynthEngine.create(TestData.config(5));
    SynthBenchmark.Result r = SynthBenchmark.run(e, 2, Duration.ofMillis(100), Duration.ofMillis(400));
    assertThat(r.images()).isPositive();
    assertThat(r.threads()).isEqualTo(2);
    assertThat(r.totalPerSecond()).isCloseTo(r.images() / r.seconds(), org.assertj.core.api.Assertions.within(1e-6));
    assertThat(r.perThreadPerSecond()).isCloseTo(r.totalPerSecond() / 2, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(r.perCpuSecond()).isPositive();
    assertThat(r.line()).matches("synth: \\d+ images/s total, \\d+ images/s per thread, 2 threads");
  }

  @Test
  void run_zeroThreads_throwsNamingTheValue() throws Exception {
    SynthEngine e = SynthEngine.create(TestData.config(5));
    assertThatThrownBy(() -> SynthBenchmark.run(e, 0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
  }
}
