package org.jaznet.synth.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jaznet.synth.CaseMode;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.ProjectPaths;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.font.FontCatalog;
import org.jaznet.synth.font.FontChoice;
import org.jaznet.synth.io.AtomicFiles;
import org.jaznet.synth.raster.GreyRaster;

/**
 * Renders synthetic document pages with exact word boxes, a development set for page reading (never a
 * substitute for the real evaluation sets).
 *
 * <p><b>Layout.</b> An A4 page at a random 100..150 dpi (e.g. 1240x1754 at 150 dpi), margins of 0.6..1.1
 * inch, one column (60 %) or two. Each column is filled top to bottom with headings (14..20 pt, mostly
 * bold, Capitalized or UPPER, sometimes numbered) and paragraphs (10..16 pt, a face of the project's
 * {@link FontCatalog} per paragraph, 10 % italic, left-aligned or justified, optional first-line indent).
 * Paragraph text is sentences of dictionary words ({@link Lexicon}): the first word Capitalized, a full
 * stop at the end, sometimes a comma, a Capitalized name, an UPPER acronym or a number (year, amount,
 * date, percentage). Texts are cased, with their attached punctuation, as FUNSD's.
 *
 * <p><b>Word boxes</b> are tight ink bounds computed from the rendered word: each word is rasterised
 * (antialiased) into its own mask, and its box is the bounding box of the mask pixels with coverage >=
 * {@value #INK_THRESHOLD}/255. The same mask is composited onto the page, so box and ink agree exactly
 * on the clean page. The scanned look then rotates the page by up to +-2 degrees about its centre; the
 * box is recomputed from the word's ink pixels mapped through the same rotation (tight, not the loose
 * bounds of the rotated rectangle), and clipped to the page. Blur spreads ink by about a pixel beyond
 * the box; noise and JPEG do not move it.
 *
 * <p><b>Scanned look</b>: paper tone 220..250, ink 10..70, rotation uniform in +-2 degrees (bilinear),
 * Gaussian blur sigma 0.3..1.0 px, Gaussian noise sigma 2..9 grey levels, JPEG quality 0.45..0.9, saved
 * as 8-bit grey PNG.
 *
 * <p><b>Determinism.</b> Page {@code i} of seed {@code s} depends only on {@code (s, i)}, the fonts and
 * the dictionary: the same seed gives the same bytes (all image operations after text rasterisation are
 * this class's own integer/double code; JPEG and PNG are encoded by the JDK's ImageIO codecs).
 * Thread-safe: {@link #render} keeps no state.
 */
public final class DocumentSynth {
  /** Mask coverage (0..255) at or above which a pixel counts as ink for the word box. */
  public static final int INK_THRESHOLD = 64;
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final double A4_W_IN = 8.27;
  private static final double A4_H_IN = 11.69;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Every character the layout may draw besides letters: a face is picked only if it covers them. */
  private static final String PICK_TEXT = "Aa0123456789.,;:?%/";

  private final FontCatalog fonts;
  private final Lexicon lexicon;

  public DocumentSynth(FontCatalog fonts, Lexicon lexicon) {
    this.fonts = fonts;
    this.lexicon = lexicon;
  }

  /** With the project's {@code fonts/} and {@code dictionaries/en-90k.txt} ({@link ProjectPaths}). */
  public static DocumentSynth defaults() throws SynthException {
    return new DocumentSynth(FontCatalog.load(ProjectPaths.fonts()), Lexicon.read(ProjectPaths.defaultDictionary()));
  }

  /**
   * Writes {@code count} pages with the project's fonts and dictionary: {@code dir/images/page-00001.png}
   * ... and {@code dir/words.jsonl} (one line per page, {@code {"image": "page-00001.png", "words":
   * [{"box": [x, y, w, h], "text": "Word"}]}}). Every file is written atomically; words.jsonl last.
   */
  public static void write(Path dir, int count, long seed) throws IOException, SynthException {
    defaults().writeSet(dir, count, seed);
  }

  /** As {@link #write(Path, int, long)}, pages laid out as {@code config} says. */
  public static void write(Path dir, int count, long seed, DocumentConfig config) throws IOException, SynthException {
    defaults().writeSet(dir, count, seed, config);
  }

  /** As {@link #write(Path, int, long)} with this instance's fonts and dictionary. */
  public void writeSet(Path dir, int count, long seed) throws IOException {
    writeSet(dir, count, seed, DocumentConfig.defaults());
  }

  /** As {@link #write(Path, int, long, DocumentConfig)} with this instance's fonts and dictionary. */
  public void writeSet(Path dir, int count, long seed, DocumentConfig config) throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, got " + count);
    }
    Path images = dir.resolve("images");
    Files.createDirectories(images);
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < count; i++) {
      DocPage page = render(seed, i, true, layoutOf(seed, i, config));
      String name = String.format(Locale.ROOT, "page-%05d.png", i + 1);
      AtomicFiles.write(images.resolve(name), GreyRaster.png(page.image()));
      jsonl.append(jsonLine(name, page.words(config.boxes()))).append('\n');
    }
    AtomicFiles.writeText(dir.resolve("words.jsonl"), w -> w.write(jsonl.toString()));
  }

  /** One line of words.jsonl, spaced as FUNSD_train20's. */
  public static String jsonLine(String image, List<DocWord> words) throws IOException {
    StringBuilder b = new StringBuilder();
    b.append("{\"image\": ").append(JSON.writeValueAsString(image)).append(", \"words\": [");
    for (int k = 0; k < words.size(); k++) {
      DocWord w = words.get(k);
      b.append(k == 0 ? "" : ", ").append("{\"box\": [").append(w.x()).append(", ").append(w.y()).append(", ")
          .append(w.w()).append(", ").append(w.h()).append("], \"text\": ")
          .append(JSON.writeValueAsString(w.text())).append('}');
    }
    return b.append("]}").toString();
  }

  /**
   * Renders page {@code index} (0-based) of {@code seed}.
   *
   * @param scanned true for the scanned look; false gives the clean, unrotated page with the same layout
   */
  public DocPage render(long seed, int index, boolean scanned) {
    return render(seed, index, scanned, DocumentLayout.TEXT);
  }

  /**
   * Renders page {@code index} (0-based) of {@code seed} as a page of {@code layout}; {@link
   * DocumentLayout#TEXT} pages are those of {@link #render(long, int, boolean)}, {@link
   * DocumentLayout#FORMS} pages come from their own generator ({@link FormSynth}).
   *
   * @param layout TEXT or FORMS (MIXED is resolved per page by {@link #layoutOf})
   */
  public DocPage render(long seed, int index, boolean scanned, DocumentLayout layout) {
    return switch (layout) {
      case TEXT -> renderText(seed, index, scanned);
      case FORMS -> new FormSynth(fonts, lexicon).render(seed, index, scanned);
      case MIXED -> render(seed, index, scanned, layoutOf(seed, index, DocumentConfig.of(DocumentLayout.MIXED)));
    };
  }

  /**
   * The layout of page {@code index} of a set: TEXT or FORMS as the config says, or for MIXED, FORMS with
   * probability {@link DocumentConfig#formShare()} from a draw of its own (a page's look does not change
   * the other pages').
   */
  public static DocumentLayout layoutOf(long seed, int index, DocumentConfig config) {
    if (config.layout() != DocumentLayout.MIXED) {
      return config.layout();
    }
    SplittableRandom r = new SplittableRandom(mix(seed) ^ mix(0x3C6EF372FE94F82BL + index));
    return r.nextDouble() < config.formShare() ? DocumentLayout.FORMS : DocumentLayout.TEXT;
  }

  private DocPage renderText(long seed, int index, boolean scanned) {
    SplittableRandom r = new SplittableRandom(mix(seed) ^ mix(0x5DEECE66DL + index));
    int dpi = 100 + r.nextInt(51);
    int width = (int) Math.round(A4_W_IN * dpi);
    int height = (int) Math.round(A4_H_IN * dpi);
    int paper = 220 + r.nextInt(31);
    int ink = 10 + r.nextInt(61);
    // Scan parameters are drawn up front, so the clean and scanned pages share their layout draws.
    double angle = (r.nextDouble() * 2 - 1) * 2.0;
    double blur = 0.3 + 0.7 * r.nextDouble();
    double noise = 2 + 7 * r.nextDouble();
    float quality = (float) (0.45 + 0.45 * r.nextDouble());
    long scanSeed = r.nextLong();

    Layout lay = new Layout(r, width, height, dpi);
    lay.fill();

    AffineTransform t = scanned ? AffineTransform.getRotateInstance(Math.toRadians(angle), width / 2.0, height / 2.0)
        : new AffineTransform();
    List<DocWord> words = lay.canvas.words(t);
    List<DocWord> lineWords = lay.canvas.words(t, WordBoxes.LINE);

    // page tone from the ink coverage: paper where 0, ink where 255
    double[] grey = new double[width * height];
    int[] cov = lay.canvas.coverage;
    for (int i = 0; i < grey.length; i++) {
      grey[i] = paper + (ink - paper) * (cov[i] / 255.0);
    }
    if (!scanned) {
      return new DocPage(GreyRaster.toImage(grey, width, height), words, lineWords, dpi, 0);
    }
    return new DocPage(scan(grey, width, height, t, paper, blur, noise, quality, scanSeed), words, lineWords, dpi, angle);
  }

  /**
   * The scanned look of a page tone: rotation through {@code t} (paper outside), Gaussian blur,
   * Gaussian noise from {@code scanSeed} and a JPEG round trip.
   */
  static BufferedImage scan(double[] grey, int width, int height, AffineTransform t, double paper, double blur,
      double noise, float quality, long scanSeed) {
    SplittableRandom s = new SplittableRandom(scanSeed);
    grey = rotate(grey, width, height, t, paper);
    grey = GreyRaster.gaussianBlur(grey, width, height, blur);
    for (int i = 0; i < grey.length; i++) {
      grey[i] += noise * GreyRaster.nextGaussian(s);
    }
    BufferedImage img = GreyRaster.toImage(grey, width, height);
    return GreyRaster.jpegRoundTrip(img, quality);
  }

  /** The layout of one clean page; all randomness from the page's generator, in a fixed order. */
  private final class Layout {
    final SplittableRandom r;
    final int width;
    final int height;
    final int dpi;
    final PageCanvas canvas;

    Layout(SplittableRandom r, int width, int height, int dpi) {
      this.r = r;
      this.width = width;
      this.height = height;
      this.dpi = dpi;
      this.canvas = new PageCanvas(fonts, width, height);
    }

    void fill() {
      int marginX = (int) Math.round(dpi * (0.6 + 0.5 * r.nextDouble()));
      int marginTop = (int) Math.round(dpi * (0.6 + 0.5 * r.nextDouble()));
      int marginBottom = (int) Math.round(dpi * (0.6 + 0.5 * r.nextDouble()));
      int columns = r.nextDouble() < 0.6 ? 1 : 2;
      int gutter = (int) Math.round(dpi * (0.25 + 0.2 * r.nextDouble()));
      int colWidth = (width - 2 * marginX - (columns - 1) * gutter) / columns;
      boolean justified = r.nextDouble() < 0.4;
      boolean indent = r.nextDouble() < 0.4;
      int bodyPt = 10 + r.nextInt(4); // the page's usual body size; some paragraphs differ
      for (int c = 0; c < columns; c++) {
        int left = marginX + c * (colWidth + gutter);
        double y = marginTop;
        boolean lastHeading = false;
        boolean first = true;
        while (true) {
          boolean heading = !lastHeading && (first ? r.nextDouble() < 0.6 : r.nextDouble() < 0.18);
          double next = heading ? heading(left, colWidth, y, height - marginBottom)
              : paragraph(left, colWidth, y, height - marginBottom, bodyPt, justified, indent);
          if (next < 0) {
            break;
          }
          y = next;
          lastHeading = heading;
          first = false;
        }
      }
    }

    /** Lays out a heading at {@code top}; returns the next top, or -1 when it does not fit. */
    double heading(int left, int colWidth, double top, int bottom) {
      int pt = 14 + r.nextInt(7);
      FontChoice f = fonts.pick(PICK_TEXT, 0.75, 0.1, r);
      boolean upper = r.nextDouble() < 0.35;
      int n = 1 + r.nextInt(6);
      List<String> ws = new ArrayList<>();
      if (r.nextDouble() < 0.3) {
        ws.add(r.nextBoolean() ? (1 + r.nextInt(9)) + "." : (1 + r.nextInt(9)) + "." + (1 + r.nextInt(9)));
      }
      for (int i = 0; i < n; i++) {
        String w = lexicon.get(r.nextInt(lexicon.size()));
        ws.add(upper ? CaseMode.UPPER.apply(w) : (i == 0 || w.length() > 3 ? CaseMode.CAPITALIZED.apply(w) : w));
      }
      double lineH = pt * dpi / 72.0 * (1.2 + 0.2 * r.nextDouble());
      double gapAfter = lineH * (0.3 + 0.5 * r.nextDouble());
      double y = top + lineH * 0.4;
      double end = setLines(ws, f, pt, left, colWidth, y, lineH, bottom, false, 0);
      return end < 0 ? -1 : end + gapAfter;
    }

    /** Lays out a paragraph at {@code top}; returns the next top, or -1 when not even one line fits. */
    double paragraph(int left, int colWidth, double top, int bottom, int bodyPt, boolean justified,
        boolean indent) {
      int pt = r.nextDouble() < 0.7 ? bodyPt : 10 + r.nextInt(7);
      FontChoice f = fonts.pick(PICK_TEXT, 0.08, 0.1, r);
      int nWords = 12 + r.nextInt(70);
      List<String> ws = sentences(nWords);
      double lineH = pt * dpi / 72.0 * (1.15 + 0.3 * r.nextDouble());
      double gapAfter = lineH * (0.3 + 0.7 * r.nextDouble());
      int firstIndent = indent ? (int) Math.round(pt * dpi / 72.0 * 2) : 0;
      double end = setLines(ws, f, pt, left, colWidth, top, lineH, bottom, justified, firstIndent);
      return end < 0 ? -1 : end + gapAfter;
    }

    List<String> sentences(int n) {
      List<String> out = new ArrayList<>(n);
      int sentenceLeft = 0;
      for (int i = 0; i < n; i++) {
        boolean start = sentenceLeft == 0;
        if (start) {
          sentenceLeft = 4 + r.nextInt(14);
        }
        String w;
        double u = r.nextDouble();
        if (u < 0.05) {
          w = number();
        } else if (u < 0.09) {
          w = CaseMode.CAPITALIZED.apply(lexicon.get(r.nextInt(lexicon.size())));
        } else if (u < 0.11) {
          w = CaseMode.UPPER.apply(lexicon.get(r.nextInt(lexicon.size())));
        } else {
          w = lexicon.get(r.nextInt(lexicon.size()));
        }
        if (start && Character.isLetter(w.charAt(0))) {
          w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
        sentenceLeft--;
        if (sentenceLeft == 0 || i == n - 1) {
          w += r.nextDouble() < 0.9 ? "." : (r.nextBoolean() ? "?" : ":");
          sentenceLeft = 0;
        } else if (r.nextDouble() < 0.08) {
          w += r.nextDouble() < 0.85 ? "," : ";";
        }
        out.add(w);
      }
      return out;
    }

    String number() {
      return switch (r.nextInt(5)) {
        case 0 -> Integer.toString(1900 + r.nextInt(130));
        case 1 -> Integer.toString(1 + r.nextInt(999));
        case 2 -> (1 + r.nextInt(99)) + "." + (10 + r.nextInt(90));
        case 3 -> (1 + r.nextInt(12)) + "/" + (1 + r.nextInt(28)) + "/" + (10 + r.nextInt(90));
        default -> (1 + r.nextInt(99)) + "%";
      };
    }

    /**
     * Sets {@code ws} in lines of {@code colWidth} from baseline-box top {@code top}; returns the bottom of
     * the last line, or -1 if not even the first line fits above {@code bottom}. Words that do not fit
     * are dropped (the column is full).
     */
    double setLines(List<String> ws, FontChoice choice, int pt, int left, int colWidth, double top, double lineH,
        int bottom, boolean justified, int firstIndent) {
      double sizePx = pt * dpi / 72.0;
      Font font = canvas.font(choice, sizePx);
      double space = font.getStringBounds(" ", FRC).getWidth() * (0.9 + 0.3 * r.nextDouble());
      double ascent = font.getLineMetrics("Ag", FRC).getAscent();
      int boldDx = choice.syntheticBold() ? Math.max(1, (int) Math.round(sizePx / 20)) : 0;
      double[] adv = new double[ws.size()];
      for (int i = 0; i < ws.size(); i++) {
        adv[i] = font.getStringBounds(ws.get(i), FRC).getWidth() + boldDx;
      }
      double y = top;
      int i = 0;
      boolean firstLine = true;
      while (i < ws.size()) {
        if (y + lineH > bottom) {
          return firstLine ? -1 : y;
        }
        double avail = colWidth - (firstLine ? firstIndent : 0);
        int j = i;
        double used = 0;
        while (j < ws.size() && (j == i ? adv[j] : used + space + adv[j]) <= avail) {
          used += (j == i ? 0 : space) + adv[j];
          j++;
        }
        if (j == i) {
          j = i + 1; // a word wider than the column: set it alone (clipped at the page edge if need be)
          used = adv[i];
        }
        boolean last = j == ws.size();
        double gap = space;
        // justify unless that would open gaps wider than 2.5 spaces (real pages hyphenate instead)
        if (justified && !last && j - i > 1 && (avail - used) / (j - i - 1) <= 1.5 * space) {
          gap = space + (avail - used) / (j - i - 1);
        }
        double x = left + (firstLine ? firstIndent : 0);
        int baseline = (int) Math.round(y + (lineH - sizePx) / 2 + ascent);
        for (int k = i; k < j; k++) {
          canvas.draw(ws.get(k), font, boldDx, (int) Math.round(x), baseline);
          x += adv[k] + gap;
        }
        i = j;
        y += lineH;
        firstLine = false;
      }
      return y;
    }
  }

  /** Bilinear resampling of the page through {@code t} (source to destination), paper outside. */
  static double[] rotate(double[] src, int w, int h, AffineTransform t, double fill) {
    AffineTransform inv;
    try {
      inv = t.createInverse();
    } catch (java.awt.geom.NoninvertibleTransformException e) {
      throw new IllegalStateException(e);
    }
    double[] m = new double[6];
    inv.getMatrix(m); // [m00 m10 m01 m11 m02 m12]
    double[] out = new double[w * h];
    for (int y = 0; y < h; y++) {
      double cy = y + 0.5;
      for (int x = 0; x < w; x++) {
        double cx = x + 0.5;
        double sx = m[0] * cx + m[2] * cy + m[4] - 0.5;
        double sy = m[1] * cx + m[3] * cy + m[5] - 0.5;
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        double v00 = at(src, w, h, x0, y0, fill);
        double v10 = at(src, w, h, x0 + 1, y0, fill);
        double v01 = at(src, w, h, x0, y0 + 1, fill);
        double v11 = at(src, w, h, x0 + 1, y0 + 1, fill);
        out[y * w + x] = (v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy;
      }
    }
    return out;
  }

  private static double at(double[] a, int w, int h, int x, int y, double fill) {
    return x < 0 || y < 0 || x >= w || y >= h ? fill : a[y * w + x];
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Development entry: {@code DocumentSynth DIR COUNT SEED}. The CLI flag is {@code synth --documents}. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: DocumentSynth DIR COUNT SEED");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    write(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
    System.out.printf(Locale.ROOT, "wrote %s pages to %s in %.1f s%n", args[1], args[0], (System.nanoTime() - t0) / 1e9);
  }
}
