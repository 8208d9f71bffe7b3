package org.jaznet.recognizer.train;

import org.jaznet.synth.SynthConfig;

/** Which synth-engine recipe renders the training and validation words. */
public enum SynthRecipe {
  /** The full MJSynth recipe (the default): borders, curves, blending, noise, blur, JPEG. */
  MJSYNTH,
  /**
   * Fonts, case, colours and crop vary; no random effects (no curves, borders, blending, noise, blur):
   * for quick checks and a first curriculum stage.
   */
  PLAIN;

  public SynthConfig.Recipe recipe() {
    return switch (this) {
      case MJSYNTH -> SynthConfig.Recipe.mjsynth();
      case PLAIN -> SynthConfig.Recipe.mjsynth().withoutEffects();
    };
  }
}
