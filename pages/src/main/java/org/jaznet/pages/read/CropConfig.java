package org.jaznet.pages.read;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How a detected word box is cut out of its page for the recogniser, whose training crops (MJSynth's)
 * have a margin of background around the ink.
 *
 * @param padX margin added left and right, as a fraction of the box height
 * @param padY margin added above and below, as a fraction of the box height
 */
public record CropConfig(double padX, double padY) {
  public CropConfig {
    checkArgument(padX >= 0 && padX <= 2, "padX must be in [0, 2], got %s", padX);
    checkArgument(padY >= 0 && padY <= 2, "padY must be in [0, 2], got %s", padY);
  }

  public static CropConfig defaults() {
    return new CropConfig(0.25, 0.15);
  }
}
