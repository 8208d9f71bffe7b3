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
 * @param recipe the stage parameters (MJSynth's distributions by default)
 * @param shortWordRatio fraction of samples that are short texts (1 to {@link org.jaznet.synth.text.WordSource#SHORT_MAX}
 *     characters, each length equally likely: a dictionary word of that length or a random string) instead
 *     of the uniform draw from the dictionary, whose words are mostly long (0 by default, as MJSynth)
 * @param numberRatio fraction of samples that are numbers, digits only (0 by default, as MJSynth)
 * @param printRatio fraction of the samples that are not short texts drawn as texts occur in print instead:
 *     punctuation attached, prices, dates, times, codes, numbers with separators (shares tabled in
 *     {@link org.jaznet.synth.text.WordSource}; 0 by default, as MJSynth)
 */
public record SynthConfig(
    long seed, Path dictionary, Path fontsDir, Path backgroundsDir, double randomStringRatio, CaseMode caseMode,
    Recipe recipe, double shortWordRatio, double numberRatio, double printRatio) {
  public SynthConfig {
    Objects.requireNonNull(dictionary, "dictionary");
    Objects.requireNonNull(fontsDir, "fontsDir");
    Objects.requireNonNull(backgroundsDir, "backgroundsDir");
    Objects.requireNonNull(caseMode, "caseMode");
    Objects.requireNonNull(recipe, "recipe");
    if (!(randomStringRatio >= 0 && randomStringRatio <= 1)) {
      throw new IllegalArgumentException("randomStringRatio must be in [0,1], got " + randomStringRatio);
    }
    if (!(shortWordRatio >= 0 && shortWordRatio <= 1)) {
      throw new IllegalArgumentException("shortWordRatio must be in [0,1], got " + shortWordRatio);
    }
    if (!(numberRatio >= 0 && numberRatio <= 1)) {
      throw new IllegalArgumentException("numberRatio must be in [0,1], got " + numberRatio);
    }
    if (!(printRatio >= 0 && printRatio <= 1)) {
      throw new IllegalArgumentException("printRatio must be in [0,1], got " + printRatio);
    }
  }

  /** A config without print forms. */
  public SynthConfig(
      long seed, Path dictionary, Path fontsDir, Path backgroundsDir, double randomStringRatio, CaseMode caseMode,
      Recipe recipe, double shortWordRatio, double numberRatio) {
    this(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, shortWordRatio,
        numberRatio, 0);
  }

  /** A config without numbers. */
  public SynthConfig(
      long seed, Path dictionary, Path fontsDir, Path backgroundsDir, double randomStringRatio, CaseMode caseMode,
      Recipe recipe, double shortWordRatio) {
    this(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, shortWordRatio, 0);
  }

  /** A config without extra short words. */
  public SynthConfig(
      long seed, Path dictionary, Path fontsDir, Path backgroundsDir, double randomStringRatio, CaseMode caseMode,
      Recipe recipe) {
    this(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, 0);
  }

  /** A config with the default {@link Recipe#mjsynth()} stage parameters. */
  public SynthConfig(
      long seed, Path dictionary, Path fontsDir, Path backgroundsDir, double randomStringRatio, CaseMode caseMode) {
    this(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, Recipe.mjsynth());
  }

  /** The project's defaults: en-90k dictionary, shipped fonts and backgrounds, 10% random strings. */
  public static SynthConfig defaults(long seed) {
    return new SynthConfig(seed, ProjectPaths.defaultDictionary(), ProjectPaths.fonts(),
        ProjectPaths.backgrounds(), 0.1, CaseMode.MIXED);
  }

  public SynthConfig withSeed(long s) {
    return new SynthConfig(s, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, shortWordRatio, numberRatio,
        printRatio);
  }

  public SynthConfig withDictionary(Path d) {
    return new SynthConfig(seed, d, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, shortWordRatio, numberRatio,
        printRatio);
  }

  public SynthConfig withFontsDir(Path f) {
    return new SynthConfig(seed, dictionary, f, backgroundsDir, randomStringRatio, caseMode, recipe, shortWordRatio, numberRatio,
        printRatio);
  }

  public SynthConfig withBackgroundsDir(Path b) {
    return new SynthConfig(seed, dictionary, fontsDir, b, randomStringRatio, caseMode, recipe, shortWordRatio, numberRatio,
        printRatio);
  }

  public SynthConfig withRandomStringRatio(double r) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, r, caseMode, recipe, shortWordRatio, numberRatio,
        printRatio);
  }

  public SynthConfig withCaseMode(CaseMode c) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, c, recipe, shortWordRatio, numberRatio,
        printRatio);
  }

  public SynthConfig withRecipe(Recipe r) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, r, shortWordRatio, numberRatio,
        printRatio);
  }

  public SynthConfig withShortWordRatio(double v) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, v, numberRatio,
        printRatio);
  }

  public SynthConfig withNumberRatio(double v) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, shortWordRatio, v,
        printRatio);
  }

  public SynthConfig withPrintRatio(double v) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, shortWordRatio,
        numberRatio, v);
  }

  /**
   * Stage parameters. Lengths given "at 60 px" are MJSynth's pixel figures for its 60 px font; the
   * engine renders smaller and scales them by its own font size.
   *
   * @param outputHeight final image height in pixels
   * @param fontSizeMin smallest working font size in pixels (the engine renders near the output scale)
   * @param fontSizeMax largest working font size in pixels
   * @param boldP probability of a bold face (the family's bold face, else synthetic emboldening)
   * @param italicP probability of an oblique face (the family's italic face, else a shear)
   * @param underlineP probability of an underline
   * @param kerningP per-character probability of a random kerning offset
   * @param trackingScale character spacing at 60 px is Beta(2,5) times this
   * @param curveP probability of a curved baseline
   * @param curveSigma sigma of the curve coefficient a (offset a*i^2 at 60 px)
   * @param borderP probability of a border or shadow layer
   * @param borderWidthMean mean border width at 60 px
   * @param borderWidthSigma sigma of the border width at 60 px
   * @param rotationSigmaDeg sigma of the rotation in degrees
   * @param rotationMaxDeg cap on the absolute rotation
   * @param paddingMean mean crop padding per side at 60 px
   * @param paddingSigma sigma of the crop padding at 60 px
   * @param blendSigma blend amount is |N(0, blendSigma)|
   * @param layerNoiseSigma per-layer Gaussian noise sigma (grey levels)
   * @param noiseSigma global Gaussian noise sigma (grey levels)
   * @param blurSigma global blur sigma is |N(0, blurSigma)| in output pixels, skipped below 0.3
   * @param resampleP probability of downsampling and upsampling again
   * @param minContrast a composed image whose pixel standard deviation is below this is redrawn
   * @param minTextContrast grey-level gap between text and its surround below which it is redrawn
   * @param maxRedraws colour/blend redraws before the legible fallback colours are used
   * @param jpegMean JPEG quality is min(jpegMax, max(jpegMin, N(jpegMean, jpegSigma)))
   * @param jpegSigma see jpegMean
   * @param jpegMin see jpegMean
   * @param jpegMax see jpegMean
   * @param maxRandomLength random strings have a length uniform in [1, maxRandomLength]
   */
  public record Recipe(
      int outputHeight, int fontSizeMin, int fontSizeMax, double boldP, double italicP, double underlineP,
      double kerningP, double trackingScale, double curveP, double curveSigma, double borderP,
      double borderWidthMean, double borderWidthSigma, double rotationSigmaDeg, double rotationMaxDeg,
      double paddingMean, double paddingSigma, double blendSigma, double layerNoiseSigma, double noiseSigma,
      double blurSigma, double resampleP, double minContrast, double minTextContrast, int maxRedraws,
      double jpegMean, double jpegSigma, int jpegMin, int jpegMax, int maxRandomLength) {
    public Recipe {
      check(outputHeight >= 8 && outputHeight <= 256, "outputHeight", outputHeight);
      check(fontSizeMin >= 8 && fontSizeMax >= fontSizeMin && fontSizeMax <= 128, "fontSizeMin..Max",
          fontSizeMin + ".." + fontSizeMax);
      for (double p : new double[] {boldP, italicP, underlineP, kerningP, curveP, borderP, resampleP}) {
        check(p >= 0 && p <= 1, "probability", p);
      }
      check(rotationMaxDeg >= 0 && rotationMaxDeg <= 45, "rotationMaxDeg", rotationMaxDeg);
      check(maxRedraws >= 0, "maxRedraws", maxRedraws);
      check(jpegMin >= 0 && jpegMax <= 100 && jpegMin <= jpegMax, "jpegMin..Max", jpegMin + ".." + jpegMax);
      check(maxRandomLength >= 1, "maxRandomLength", maxRandomLength);
    }

    private static void check(boolean ok, String name, Object value) {
      if (!ok) {
        throw new IllegalArgumentException(name + " out of range: " + value);
      }
    }

    /**
     * MJSynth's parameters (see REFERENCE.md), scaled to the engine's working size. Three deviations, from
     * comparing contact sheets with the real MJSynth sample: crop padding N(10, 8) instead of N(15, 10),
     * and noise sigmas 4 (per layer) and 3 (global) instead of 8 and 4, because this engine adds noise at
     * the output size where MJSynth added it at 60 px before shrinking the image about threefold.
     */
    public static Recipe mjsynth() {
      return new Recipe(32, 22, 34, 0.5, 0.2, 0.05, 0.2, 20, 0.2, 0.1, 0.25, 4, 4, 5, 10,
          10, 8, 0.25, 4, 3, 0.6, 0.1, 20, 28, 10, 80, 10, 0, 80, 10);
    }

    /** No random effects beyond the text and font: for tests of geometry. */
    public Recipe withoutEffects() {
      return new Recipe(outputHeight, fontSizeMin, fontSizeMax, 0, 0, 0, 0, trackingScale, 0, curveSigma, 0,
          borderWidthMean, borderWidthSigma, 0, 0, paddingMean, paddingSigma, 0, 0, 0, 0, 0, minContrast,
          minTextContrast, maxRedraws, jpegMean, jpegSigma, jpegMin, jpegMax, maxRandomLength);
    }

    public Recipe withUnderlineP(double p) {
      return new Recipe(outputHeight, fontSizeMin, fontSizeMax, boldP, italicP, p, kerningP, trackingScale, curveP,
          curveSigma, borderP, borderWidthMean, borderWidthSigma, rotationSigmaDeg, rotationMaxDeg, paddingMean,
          paddingSigma, blendSigma, layerNoiseSigma, noiseSigma, blurSigma, resampleP, minContrast,
          minTextContrast, maxRedraws, jpegMean, jpegSigma, jpegMin, jpegMax, maxRandomLength);
    }

    public Recipe withBorderP(double p) {
      return new Recipe(outputHeight, fontSizeMin, fontSizeMax, boldP, italicP, underlineP, kerningP, trackingScale,
          curveP, curveSigma, p, borderWidthMean, borderWidthSigma, rotationSigmaDeg, rotationMaxDeg, paddingMean,
          paddingSigma, blendSigma, layerNoiseSigma, noiseSigma, blurSigma, resampleP, minContrast,
          minTextContrast, maxRedraws, jpegMean, jpegSigma, jpegMin, jpegMax, maxRandomLength);
    }

    public Recipe withCurveP(double p) {
      return new Recipe(outputHeight, fontSizeMin, fontSizeMax, boldP, italicP, underlineP, kerningP, trackingScale,
          p, curveSigma, borderP, borderWidthMean, borderWidthSigma, rotationSigmaDeg, rotationMaxDeg, paddingMean,
          paddingSigma, blendSigma, layerNoiseSigma, noiseSigma, blurSigma, resampleP, minContrast,
          minTextContrast, maxRedraws, jpegMean, jpegSigma, jpegMin, jpegMax, maxRandomLength);
    }
  }
}
