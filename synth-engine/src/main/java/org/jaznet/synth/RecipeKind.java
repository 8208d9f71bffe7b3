package org.jaznet.synth;

/** The named rendering recipes a command line or a serialised spec can choose. */
public enum RecipeKind {
  /** The full MJSynth recipe (the default): borders, curves, blending with photographs, noise, blur, JPEG. */
  MJSYNTH,
  /** Fonts, case, colours and crop vary; no random effects: for quick checks and a first curriculum stage. */
  PLAIN,
  /**
   * Printed words as a scanner or fax sees them ({@link SynthConfig.Recipe#document()}): clean print on
   * paper, light skew, scanner noise, blur, 1-bit, fax, JPEG; written as PNG.
   */
  DOCUMENT;

  /** The recipe's parameters. */
  public SynthConfig.Recipe recipe() {
    return switch (this) {
      case MJSYNTH -> SynthConfig.Recipe.mjsynth();
      case PLAIN -> SynthConfig.Recipe.mjsynth().withoutEffects();
      case DOCUMENT -> SynthConfig.Recipe.document();
    };
  }
}
