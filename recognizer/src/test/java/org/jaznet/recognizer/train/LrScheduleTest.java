package org.jaznet.recognizer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LrScheduleTest {
  @Test
  void rate_duringWarmup_risesLinearlyFromTenPercent() {
    assertThat(LrSchedule.COSINE.rate(1.0, 0, 1000, 100)).isCloseTo(0.109, within(1e-9));
    assertThat(LrSchedule.COSINE.rate(1.0, 99, 1000, 100)).isCloseTo(1.0, within(1e-9));
    assertThat(LrSchedule.CONSTANT.rate(1.0, 49, 1000, 100)).isCloseTo(0.55, within(1e-9));
  }

  @Test
  void rate_cosine_fallsFromBaseToOnePercent() {
    assertThat(LrSchedule.COSINE.rate(2.0, 100, 1100, 100)).isCloseTo(2.0, within(1e-9));
    assertThat(LrSchedule.COSINE.rate(2.0, 600, 1100, 100)).isCloseTo(2.0 * (0.01 + 0.99 * 0.5), within(1e-9));
    assertThat(LrSchedule.COSINE.rate(2.0, 1100, 1100, 100)).isCloseTo(0.02, within(1e-9));
  }

  @Test
  void rate_step_dividesByTenAtSixtyAndEightyFivePercent() {
    assertThat(LrSchedule.STEP.rate(1.0, 590, 1000, 0)).isEqualTo(1.0);
    assertThat(LrSchedule.STEP.rate(1.0, 610, 1000, 0)).isCloseTo(0.1, within(1e-12));
    assertThat(LrSchedule.STEP.rate(1.0, 900, 1000, 0)).isCloseTo(0.01, within(1e-12));
  }
}
