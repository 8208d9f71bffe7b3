package org.jaznet.synth;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything a synthetic run depends on. Same config and index, same bytes.
 *
 * @param seed run seed; each sample draws from its own generator seeded by (seed, index)
 * @param dictionary word list to draw words from (also the run's lexicon)
 * @param fontsDir directory of .ttf/.otf faces
 * @param backgroundsDir directory of natural photographs used for colours and blending
 * @param randomStringRatio fraction of samples that are random strings of digits/letters instead of words
 * @param caseMode case of rendered words
 */
public record SynthConfig(
    long seed, Path dictionary, Path fontsDir, Path backgroundsDir, double randomStringRatio, CaseMode caseMode) {
  public SynthConfig {
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(fontsDir, "fontsDir");
    Objects.requireNonNull(backgroundsDir, "backgroundsDir");
    Objects.requireNonNull(caseMode, "caseMode");
    if (!(randomStringRatio >= 0 && randomStringRatio <= 1)) {
      throw new IllegalArgumentException("randomStringRatio must be in [0,1], got " + randomStringRatio);
    }
  }

  /** The project's defaults: en-90k dictionary, shipped fonts and backgrounds, 10% random strings. */
  public static SynthConfig defaults(long seed) {
    return new SynthConfig(seed, ProjectPaths.defaultDictionary(), ProjectPaths.fonts(),
        ProjectPaths.backgrounds(), 0.1, CaseMode.MIXED);
  }

  public SynthConfig withSeed(long s) {
    return new SynthConfig(s, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode);
  }

  public SynthConfig withDictionary(Path d) {
    return new SynthConfig(seed, d, fontsDir, backgroundsDir, randomStringRatio, caseMode);
  }

  public SynthConfig withFontsDir(Path f) {
    return new SynthConfig(seed, dictionary, f, backgroundsDir, randomStringRatio, caseMode);
  }

  public SynthConfig withRandomStringRatio(double r) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, r, caseMode);
  }

  public SynthConfig withCaseMode(CaseMode c) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, c);
  }
}
