package org.jaznet.recognizer.train;

import org.jaznet.synth.RecipeKind;
import org.jaznet.synth.SynthConfig;

/** Which synth-engine recipe renders the training and validation words. */
public enum SynthRecipe {
  /** The full MJSynth recipe (the default): borders, curves, blending, noise, blur, JPEG. */
  MJSYNTH,
  /**
   * Fonts, case, colours and crop vary; no random effects (no curves, borders, blending, noise, blur):
   * for quick checks and a first curriculum stage.
   */
  PLAIN,
  /**
   * Printed words as a scanner or fax sees them ({@code SynthConfig.Recipe.document()}): clean print on
   * paper, light skew, scanner noise, blur, 1-bit, fax, JPEG.
   */
  DOCUMENT;

  public SynthConfig.Recipe recipe() {
    return RecipeKind.valueOf(name()).recipe();
  }
}
