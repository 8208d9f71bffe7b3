package org.jaznet.synth.document;

import java.awt.geom.AffineTransform;
import java.util.List;
import java.util.SplittableRandom;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.font.FontCatalog;

/**
 * Renders synthetic form pages ({@link DocumentLayout#FORMS}): letter or A4 at 85..150 dpi, margins of
 * 0.4..0.9 inch, laid out by {@link FormLayout}. The scanned look is heavier than a text page's: paper
 * 200..250, ink 5..80, rotation within +-1.5 degrees (within +-0.3 for 30 % of pages), fading and
 * broken strokes ({@link FormScan#wear}), speckle and sometimes a dark scanner edge, blur sigma
 * 0.3..1.2, noise sigma 2..10, JPEG quality 0.3..0.85. Word boxes are the tight bounds of each word's
 * own ink after wear (rules, boxes, checkboxes, leaders, logos, scribbles and speckle belong to no
 * word), mapped through the rotation as {@link DocumentSynth}'s. Page {@code i} of seed {@code s}
 * depends only on (s, i), the fonts and the dictionary.
 */
final class FormSynth {
  private static final long SALT = 0x9E3779B97F4A7C15L;

  private final FontCatalog fonts;
  private final Lexicon lexicon;

  FormSynth(FontCatalog fonts, Lexicon lexicon) {
    this.fonts = fonts;
    this.lexicon = lexicon;
  }

  DocPage render(long seed, int index, boolean scanned) {
    SplittableRandom r = new SplittableRandom(DocumentSynth.mix(seed) ^ DocumentSynth.mix(SALT + index));
    int dpi = 85 + r.nextInt(66);
    boolean letter = r.nextBoolean();
    int width = (int) Math.round((letter ? 8.5 : 8.27) * dpi);
    int height = (int) Math.round((letter ? 11.0 : 11.69) * dpi);
    int paper = 200 + r.nextInt(51);
    int ink = 5 + r.nextInt(76);
    double angle = (r.nextDouble() * 2 - 1) * (r.nextDouble() < 0.3 ? 0.3 : 1.5);
    double blur = 0.3 + 0.9 * r.nextDouble();
    double noise = 2 + 8 * r.nextDouble();
    float quality = (float) (0.3 + 0.55 * r.nextDouble());
    long scanSeed = r.nextLong();
    long wearSeed = r.nextLong();
    int[] margins = new int[4];
    for (int k = 0; k < 4; k++) {
      margins[k] = (int) Math.round(dpi * (0.4 + 0.5 * r.nextDouble()));
    }

    PageCanvas canvas = new PageCanvas(fonts, width, height);
    new FormLayout(new FormPage(r, canvas, new FormText(r, lexicon), fonts, dpi, margins)).fill();
    canvas.finish();
    SplittableRandom wear = new SplittableRandom(wearSeed);
    if (scanned) {
      FormScan.wear(canvas, wear);
    }
    AffineTransform t = scanned ? AffineTransform.getRotateInstance(Math.toRadians(angle), width / 2.0, height / 2.0)
        : new AffineTransform();
    List<DocWord> words = canvas.words(t);
    List<DocWord> lineWords = canvas.words(t, WordBoxes.LINE);
    if (scanned) {
      FormScan.speckle(canvas.coverage, width, height, wear);
    }
    double[] grey = new double[width * height];
    int[] cov = canvas.coverage;
    for (int i = 0; i < grey.length; i++) {
      grey[i] = paper + (ink - paper) * (Math.min(255, cov[i]) / 255.0);
    }
    if (!scanned) {
      return new DocPage(org.jaznet.synth.raster.GreyRaster.toImage(grey, width, height), words, lineWords, dpi, 0);
    }
    return new DocPage(DocumentSynth.scan(grey, width, height, t, paper, blur, noise, quality, scanSeed), words, lineWords, dpi, angle);
  }
}
