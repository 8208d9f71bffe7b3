package org.jaznet.synth;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

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
 * @param colour encode the images in RGB, as MJSynth's are, instead of grey: each layer gets a hue
 *     from the colours of the photograph its grey was drawn from (see {@link org.jaznet.synth.stage.ColourStage});
 *     {@link SynthSample#grey} stays the image's luma. False by default: grey images, the bytes of
 *     earlier versions
 */
public record SynthConfig(
    long seed, Path dictionary, Path fontsDir, Path backgroundsDir, double randomStringRatio, CaseMode caseMode,
    Recipe recipe, double shortWordRatio, double numberRatio, double printRatio, boolean colour) {
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

  /** A grey config. */
  public SynthConfig(
      long seed, Path dictionary, Path fontsDir, Path backgroundsDir, double randomStringRatio, CaseMode caseMode,
      Recipe recipe, double shortWordRatio, double numberRatio, double printRatio) {
    this(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, shortWordRatio,
        numberRatio, printRatio, false);
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
        printRatio, colour);
  }

  public SynthConfig withDictionary(Path d) {
    return new SynthConfig(seed, d, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, shortWordRatio, numberRatio,
        printRatio, colour);
  }

  public SynthConfig withFontsDir(Path f) {
    return new SynthConfig(seed, dictionary, f, backgroundsDir, randomStringRatio, caseMode, recipe, shortWordRatio, numberRatio,
        printRatio, colour);
  }

  public SynthConfig withBackgroundsDir(Path b) {
    return new SynthConfig(seed, dictionary, fontsDir, b, randomStringRatio, caseMode, recipe, shortWordRatio, numberRatio,
        printRatio, colour);
  }

  public SynthConfig withRandomStringRatio(double r) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, r, caseMode, recipe, shortWordRatio, numberRatio,
        printRatio, colour);
  }

  public SynthConfig withCaseMode(CaseMode c) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, c, recipe, shortWordRatio, numberRatio,
        printRatio, colour);
  }

  public SynthConfig withRecipe(Recipe r) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, r, shortWordRatio, numberRatio,
        printRatio, colour);
  }

  public SynthConfig withShortWordRatio(double v) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, v, numberRatio,
        printRatio, colour);
  }

  public SynthConfig withNumberRatio(double v) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, shortWordRatio, v,
        printRatio, colour);
  }

  public SynthConfig withPrintRatio(double v) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, shortWordRatio,
        numberRatio, v, colour);
  }

  /** Colour (RGB) images instead of grey ones. */
  public SynthConfig withColour(boolean rgb) {
    return new SynthConfig(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, recipe, shortWordRatio,
        numberRatio, printRatio, rgb);
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
   * @param paddingMean mean crop padding per side at 60 px (a draw that would leave less than one clear
   *     pixel around the ink is reflected above that floor: see {@link org.jaznet.synth.stage.CropStage})
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
   * @param documentLook present for the printed-document chain ({@link #document()}): print on paper and
   *     the scanner's distortions instead of MJSynth's natural-image stages, whose parameters above it
   *     then ignores (rotation, perspective, curve, border, blending, noise, resampling)
   */
  public record Recipe(
      int outputHeight, int fontSizeMin, int fontSizeMax, double boldP, double italicP, double underlineP,
      double kerningP, double trackingScale, double curveP, double curveSigma, double borderP,
      double borderWidthMean, double borderWidthSigma, double rotationSigmaDeg, double rotationMaxDeg,
      double paddingMean, double paddingSigma, double blendSigma, double layerNoiseSigma, double noiseSigma,
      double blurSigma, double resampleP, double minContrast, double minTextContrast, int maxRedraws,
      double jpegMean, double jpegSigma, int jpegMin, int jpegMax, int maxRandomLength,
      Optional<DocumentLook> documentLook) {
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
      Objects.requireNonNull(documentLook, "documentLook");
    }

    /** A recipe for MJSynth's natural-image chain. */
    public Recipe(
        int outputHeight, int fontSizeMin, int fontSizeMax, double boldP, double italicP, double underlineP,
        double kerningP, double trackingScale, double curveP, double curveSigma, double borderP,
        double borderWidthMean, double borderWidthSigma, double rotationSigmaDeg, double rotationMaxDeg,
        double paddingMean, double paddingSigma, double blendSigma, double layerNoiseSigma, double noiseSigma,
        double blurSigma, double resampleP, double minContrast, double minTextContrast, int maxRedraws,
        double jpegMean, double jpegSigma, int jpegMin, int jpegMax, int maxRandomLength) {
      this(outputHeight, fontSizeMin, fontSizeMax, boldP, italicP, underlineP, kerningP, trackingScale, curveP,
          curveSigma, borderP, borderWidthMean, borderWidthSigma, rotationSigmaDeg, rotationMaxDeg, paddingMean,
          paddingSigma, blendSigma, layerNoiseSigma, noiseSigma, blurSigma, resampleP, minContrast,
          minTextContrast, maxRedraws, jpegMean, jpegSigma, jpegMin, jpegMax, maxRandomLength, Optional.empty());
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

    /**
     * Printed words as a scanner or fax sees them: a word crop of clean print (the same faces, bold p=0.2,
     * italic p=0.1, underline p=0.02, little kerning, tight tracking, straight baseline) in dark ink on
     * light paper, crop padding N(8, 6) px at 60 px, then the scanner's distortions of
     * {@link DocumentLook#defaults()} with JPEG quality min(95, max(40, N(75, 12))). No natural-image
     * blending, borders, curves or perspective. Images are stored losslessly (PNG), so that 1-bit
     * samples stay 2-valued; JPEG is one of the distortions.
     */
    public static Recipe document() {
      return new Recipe(32, 22, 34, 0.2, 0.1, 0.02, 0.05, 6, 0, 0, 0, 4, 4, 0, 0,
          8, 6, 0, 0, 0, 0, 0, 20, 28, 0, 75, 12, 40, 95, 10, Optional.of(DocumentLook.defaults()));
    }

    /** Whether this recipe draws printed documents ({@link #document()}) rather than MJSynth's scenes. */
    public boolean isDocument() {
      return documentLook.isPresent();
    }

    /** The file type images are encoded in: {@code "png"} for the document chain, else {@code "jpg"}. */
    public String imageExtension() {
      return isDocument() ? "png" : "jpg";
    }

    /** No random effects beyond the text and font: for tests of geometry. */
    public Recipe withoutEffects() {
      return new Recipe(outputHeight, fontSizeMin, fontSizeMax, 0, 0, 0, 0, trackingScale, 0, curveSigma, 0,
          borderWidthMean, borderWidthSigma, 0, 0, paddingMean, paddingSigma, 0, 0, 0, 0, 0, minContrast,
          minTextContrast, maxRedraws, jpegMean, jpegSigma, jpegMin, jpegMax, maxRandomLength,
          documentLook.map(DocumentLook::withoutEffects));
    }

    public Recipe withUnderlineP(double p) {
      return new Recipe(outputHeight, fontSizeMin, fontSizeMax, boldP, italicP, p, kerningP, trackingScale, curveP,
          curveSigma, borderP, borderWidthMean, borderWidthSigma, rotationSigmaDeg, rotationMaxDeg, paddingMean,
          paddingSigma, blendSigma, layerNoiseSigma, noiseSigma, blurSigma, resampleP, minContrast,
          minTextContrast, maxRedraws, jpegMean, jpegSigma, jpegMin, jpegMax, maxRandomLength, documentLook);
    }

    public Recipe withBorderP(double p) {
      return new Recipe(outputHeight, fontSizeMin, fontSizeMax, boldP, italicP, underlineP, kerningP, trackingScale,
          curveP, curveSigma, p, borderWidthMean, borderWidthSigma, rotationSigmaDeg, rotationMaxDeg, paddingMean,
          paddingSigma, blendSigma, layerNoiseSigma, noiseSigma, blurSigma, resampleP, minContrast,
          minTextContrast, maxRedraws, jpegMean, jpegSigma, jpegMin, jpegMax, maxRandomLength, documentLook);
    }

    public Recipe withCurveP(double p) {
      return new Recipe(outputHeight, fontSizeMin, fontSizeMax, boldP, italicP, underlineP, kerningP, trackingScale,
          p, curveSigma, borderP, borderWidthMean, borderWidthSigma, rotationSigmaDeg, rotationMaxDeg, paddingMean,
          paddingSigma, blendSigma, layerNoiseSigma, noiseSigma, blurSigma, resampleP, minContrast,
          minTextContrast, maxRedraws, jpegMean, jpegSigma, jpegMin, jpegMax, maxRandomLength, documentLook);
    }

    /** The same recipe with another document look (it becomes a document recipe). */
    public Recipe withDocumentLook(DocumentLook look) {
      return new Recipe(outputHeight, fontSizeMin, fontSizeMax, boldP, italicP, underlineP, kerningP, trackingScale,
          curveP, curveSigma, borderP, borderWidthMean, borderWidthSigma, rotationSigmaDeg, rotationMaxDeg, paddingMean,
          paddingSigma, blendSigma, layerNoiseSigma, noiseSigma, blurSigma, resampleP, minContrast,
          minTextContrast, maxRedraws, jpegMean, jpegSigma, jpegMin, jpegMax, maxRandomLength, Optional.of(look));
    }

    /**
     * The printed-document chain's look: paper and ink, then each distortion with its own probability
     * (drawn independently per sample, in this order: skew, scanner noise, blur, 1-bit conversion, JPEG).
     * Grey levels are 0..255.
     *
     * @param paperMin paper grey is uniform in [paperMin, paperMax], with a gentle illumination slope of up
     *     to +-{@value DocumentLook#PAPER_SLOPE} levels across the word
     * @param paperMax see paperMin
     * @param inkMax ink grey is uniform in [0, inkMax]
     * @param skewP probability of a skew
     * @param skewMaxDeg the skew angle is uniform in [-skewMaxDeg, skewMaxDeg] degrees (a rotation; no
     *     perspective)
     * @param scanNoiseP probability of scanner noise: Gaussian noise of sigma uniform in [1, noiseSigmaMax]
     *     and speckle (isolated dark or light pixels) at a density uniform in [0, speckleMax]
     * @param noiseSigmaMax see scanNoiseP
     * @param speckleMax see scanNoiseP
     * @param blurP probability of a Gaussian blur of sigma uniform in [0.3, blurSigmaMax] px
     * @param blurSigmaMax see blurP
     * @param binariseP probability of a 1-bit image by thresholding (OpenCV): Otsu's global threshold or,
     *     a share adaptiveShare of the time, a Gaussian-weighted adaptive threshold
     * @param adaptiveShare see binariseP
     * @param faxP probability of a fax look instead: the height downsampled to a factor uniform in
     *     [faxHeightMin, faxHeightMax] (area), thresholded (Otsu) and upsampled again by nearest
     *     neighbour, so rows come in pairs as in a fax's 98 lines per inch
     * @param faxHeightMin see faxP
     * @param faxHeightMax see faxP
     * @param jpegP probability of a JPEG round trip (quality from the recipe), for images that are not
     *     1-bit; 1-bit images stay 2-valued (0 and 255)
     * @param lowResP probability of a low-resolution scan, for images that are not 1-bit: the image
     *     downsampled (area) by a factor uniform in [lowResMin, lowResMax] and upsampled again (bilinear),
     *     as a word of a 100-150 dpi scan is when its crop is scaled to the recogniser's 32 rows
     * @param lowResMin see lowResP
     * @param lowResMax see lowResP
     */
    public record DocumentLook(
        int paperMin, int paperMax, int inkMax, double skewP, double skewMaxDeg, double scanNoiseP,
        double noiseSigmaMax, double speckleMax, double blurP, double blurSigmaMax, double binariseP,
        double adaptiveShare, double faxP, double faxHeightMin, double faxHeightMax, double jpegP,
        double lowResP, double lowResMin, double lowResMax) {
      /** Largest illumination slope across a word, in grey levels. */
      public static final int PAPER_SLOPE = 6;

      public DocumentLook {
        check(paperMin >= 0 && paperMax <= 255 && paperMin <= paperMax, "paperMin..Max", paperMin + ".." + paperMax);
        check(inkMax >= 0 && inkMax + 100 <= paperMin, "inkMax (at least 100 below paperMin)", inkMax);
        for (double p : new double[] {skewP, scanNoiseP, blurP, binariseP, adaptiveShare, faxP, jpegP, lowResP}) {
          check(p >= 0 && p <= 1, "probability", p);
        }
        check(binariseP + faxP <= 1, "binariseP + faxP", binariseP + faxP);
        check(skewMaxDeg >= 0 && skewMaxDeg <= 10, "skewMaxDeg", skewMaxDeg);
        check(noiseSigmaMax >= 1 && noiseSigmaMax <= 40, "noiseSigmaMax", noiseSigmaMax);
        check(speckleMax >= 0 && speckleMax <= 0.1, "speckleMax", speckleMax);
        check(blurSigmaMax >= 0.3 && blurSigmaMax <= 3, "blurSigmaMax", blurSigmaMax);
        check(faxHeightMin > 0.2 && faxHeightMin <= faxHeightMax && faxHeightMax <= 1, "faxHeightMin..Max",
            faxHeightMin + ".." + faxHeightMax);
        check(lowResMin >= 0.2 && lowResMin <= lowResMax && lowResMax <= 1, "lowResMin..Max", lowResMin + ".." + lowResMax);
      }

      /**
       * Paper 205..250, ink 0..70; skew p=0.5 within +-3 degrees; scanner noise p=0.5 (sigma up to 6,
       * speckle up to 0.3 % of the pixels); blur p=0.35 (sigma up to 0.8); 1-bit p=0.15 (half of them
       * adaptive); fax p=0.1 (height x 0.45..0.65); JPEG p=0.5 of the rest; no low-resolution scans
       * ({@link #withLowResP}: x 0.35..0.7).
       */
      public static DocumentLook defaults() {
        return new DocumentLook(205, 250, 70, 0.5, 3, 0.5, 6, 0.003, 0.35, 0.8, 0.15, 0.5, 0.1, 0.45, 0.65, 0.5,
            0, 0.35, 0.7);
      }

      /** Clean print: paper and ink only. */
      public DocumentLook withoutEffects() {
        return new DocumentLook(paperMin, paperMax, inkMax, 0, skewMaxDeg, 0, noiseSigmaMax, speckleMax, 0,
            blurSigmaMax, 0, adaptiveShare, 0, faxHeightMin, faxHeightMax, 0, 0, lowResMin, lowResMax);
      }

      public DocumentLook withBinariseP(double p) {
        return new DocumentLook(paperMin, paperMax, inkMax, skewP, skewMaxDeg, scanNoiseP, noiseSigmaMax,
            speckleMax, blurP, blurSigmaMax, p, adaptiveShare, faxP, faxHeightMin, faxHeightMax, jpegP, lowResP,
            lowResMin, lowResMax);
      }

      public DocumentLook withFaxP(double p) {
        return new DocumentLook(paperMin, paperMax, inkMax, skewP, skewMaxDeg, scanNoiseP, noiseSigmaMax,
            speckleMax, blurP, blurSigmaMax, binariseP, adaptiveShare, p, faxHeightMin, faxHeightMax, jpegP, lowResP,
            lowResMin, lowResMax);
      }

      public DocumentLook withAdaptiveShare(double share) {
        return new DocumentLook(paperMin, paperMax, inkMax, skewP, skewMaxDeg, scanNoiseP, noiseSigmaMax,
            speckleMax, blurP, blurSigmaMax, binariseP, share, faxP, faxHeightMin, faxHeightMax, jpegP, lowResP,
            lowResMin, lowResMax);
      }

      /** These settings with low-resolution scans at probability {@code p}. */
      public DocumentLook withLowResP(double p) {
        return new DocumentLook(paperMin, paperMax, inkMax, skewP, skewMaxDeg, scanNoiseP, noiseSigmaMax,
            speckleMax, blurP, blurSigmaMax, binariseP, adaptiveShare, faxP, faxHeightMin, faxHeightMax, jpegP, p,
            lowResMin, lowResMax);
      }
    }
  }
}
