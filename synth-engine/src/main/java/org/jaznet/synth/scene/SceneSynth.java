package org.jaznet.synth.scene;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.ProjectPaths;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.canvas.OpenCvNative;
import org.jaznet.synth.colour.GreyClusters;
import org.jaznet.synth.document.DocWord;
import org.jaznet.synth.document.DocumentSynth;
import org.jaznet.synth.font.FontCatalog;
import org.jaznet.synth.font.FontChoice;
import org.jaznet.synth.io.AtomicFiles;
import org.jaznet.synth.raster.GreyRaster;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Renders synthetic scene photographs with exact word boxes: the scene detector's only training data,
 * and, with held-out seeds, its development set. Never real photographs.
 *
 * <p><b>Scene.</b> A random region (50..100 % of each side) of one of the shipped background photographs
 * ({@code backgrounds/}, grey), resized to a scene whose longer side is 480..960 px (70 % landscape,
 * aspect 0.56..1), under a linear illumination gradient of up to +-20 %. Half the scenes get 1..3 flat
 * sign panels (a grey level, noise, sometimes an outline) and 0..6 distractor strokes (lines and
 * circles), so that edges alone are not text.
 *
 * <p><b>Text.</b> 1..10 lines are placed where they do not overlap earlier lines (a line sits on a panel
 * 60 % of the time when there are panels, and is either inside a panel or clear of all panels). A line
 * has 1..5 dictionary words (45 % one word), written lower (50 %), Capitalized (30 %) or UPPER (20 %);
 * 8 % of words are numbers, prices or times and 5 % carry
 * attached punctuation. Its height is log-uniform in 14..110 px (at most a third of the scene), its face
 * one of the project's fonts (30 % bold, 10 % italic), its word gap 0.25..0.7 em, its horizontal stretch
 * 0.8..1.2. The line is rotated by a normal angle (sigma 4 degrees, clipped to +-20) and its corners are
 * moved by up to 15 % of its height (a projective distortion).
 *
 * <p><b>Colour</b>, as MJSynth's: the ink grey is the k-means cluster (k = 3) of the region under the line
 * farthest from its mean, pushed to a contrast of at least 40..100 grey levels; 20 % of lines get a border
 * of 1..3 px in a contrasting grey and 15 % a soft drop shadow; 20 % are blended at 75..100 % opacity.
 *
 * <p><b>Degradations</b> of the whole scene: Gaussian blur (60 %, sigma 0.3..1.5), Gaussian noise (sigma
 * 0..8), a JPEG round trip (70 %, quality 0.35..0.95).
 *
 * <p><b>Word boxes</b> are tight, axis-aligned ink bounds: each word is rasterised into its own mask,
 * warped by the line's projective map, and its box is the bounding box of warped coverage >=
 * {@value #INK_THRESHOLD}/255. The same masks are composited, so boxes and ink agree.
 *
 * <p><b>Determinism.</b> Scene {@code i} of seed {@code s} depends only on {@code (s, i)}, the fonts, the
 * dictionary and the backgrounds. Thread-safe: {@link #render} keeps no state.
 */
public final class SceneSynth {
  /** Mask coverage (0..255) at or above which a pixel counts as ink for the word box. */
  public static final int INK_THRESHOLD = 64;
  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
  private static final String PICK_TEXT = "Aa0123456789.,:$";

  private final FontCatalog fonts;
  private final Lexicon lexicon;
  private final List<Mat> backgrounds;

  public SceneSynth(FontCatalog fonts, Lexicon lexicon, Path backgroundDir) throws SynthException {
    this.fonts = fonts;
    this.lexicon = lexicon;
    this.backgrounds = loadBackgrounds(backgroundDir);
  }

  /** With the project's {@code fonts/}, {@code backgrounds/} and {@code dictionaries/en-90k.txt}. */
  public static SceneSynth defaults() throws SynthException {
    return new SceneSynth(FontCatalog.load(ProjectPaths.fonts()), Lexicon.read(ProjectPaths.defaultDictionary()),
        ProjectPaths.backgrounds());
  }

  private static List<Mat> loadBackgrounds(Path dir) throws SynthException {
    OpenCvNative.load();
    if (!Files.isDirectory(dir)) {
      throw new SynthException("backgrounds directory " + dir + " does not exist or is not a directory");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
      }).sorted().toList();
    } catch (IOException e) {
      throw new SynthException("cannot list backgrounds directory " + dir + ": " + e.getMessage(), e);
    }
    List<Mat> out = new ArrayList<>();
    for (Path f : files) {
      Mat m = org.opencv.imgcodecs.Imgcodecs.imread(f.toString(), org.opencv.imgcodecs.Imgcodecs.IMREAD_GRAYSCALE);
      if (!m.empty() && m.rows() >= 32 && m.cols() >= 32) {
        out.add(m);
      }
    }
    if (out.isEmpty()) {
      throw new SynthException("backgrounds directory " + dir + " has no readable photograph");
    }
    return List.copyOf(out);
  }

  /**
   * Writes {@code count} scenes: {@code dir/images/scene-00001.png} ... (8-bit grey) and {@code
   * dir/words.jsonl} in the layout {@code eval-pages} reads. Every file is written atomically;
   * words.jsonl last.
   */
  public static void write(Path dir, int count, long seed) throws IOException, SynthException {
    defaults().writeSet(dir, count, seed);
  }

  /** As {@link #write(Path, int, long)} with this instance's fonts, dictionary and backgrounds. */
  public void writeSet(Path dir, int count, long seed) throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, got " + count);
    }
    Path images = dir.resolve("images");
    Files.createDirectories(images);
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < count; i++) {
      Scene s = render(seed, i);
      String name = String.format(Locale.ROOT, "scene-%05d.png", i + 1);
      AtomicFiles.write(images.resolve(name), GreyRaster.png(s.image()));
      jsonl.append(DocumentSynth.jsonLine(name, s.words())).append('\n');
    }
    AtomicFiles.writeText(dir.resolve("words.jsonl"), w -> w.write(jsonl.toString()));
  }

  /** A placed line: its axis-aligned bounds in the scene. */
  private record Placed(int x0, int y0, int x1, int y1) {
    boolean overlaps(Placed o, int margin) {
      return x0 - margin < o.x1 && o.x0 - margin < x1 && y0 - margin < o.y1 && o.y0 - margin < y1;
    }
  }

  /** Scene {@code index} of {@code seed}. */
  public Scene render(long seed, long index) {
    SplittableRandom r = new SplittableRandom(mix(seed) ^ mix(0x632BE59BD9B4E019L + index));
    boolean landscape = r.nextDouble() < 0.7;
    int longSide = 480 + r.nextInt(481);
    int shortSide = (int) Math.round(longSide * (0.56 + 0.44 * r.nextDouble()));
    int w = landscape ? longSide : shortSide;
    int h = landscape ? shortSide : longSide;
    Mat scene = background(r, w, h);
    List<Placed> panels = new ArrayList<>();
    if (r.nextDouble() < 0.5) {
      int n = 1 + r.nextInt(3);
      for (int i = 0; i < n; i++) {
        panels.add(panel(r, scene));
      }
      distractors(r, scene, r.nextInt(7));
    }
    List<DocWord> words = new ArrayList<>();
    List<Placed> placed = new ArrayList<>();
    int lines = 1 + r.nextInt(10);
    for (int i = 0; i < lines; i++) {
      for (int attempt = 0; attempt < 6; attempt++) {
        if (line(r, scene, panels, placed, words)) {
          break;
        }
      }
    }
    degrade(r, scene);
    byte[] px = new byte[w * h];
    scene.get(0, 0, px);
    scene.release();
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    System.arraycopy(px, 0, ((DataBufferByte) img.getRaster().getDataBuffer()).getData(), 0, px.length);
    return new Scene(img, words);
  }

  /** A grey CV_32F scene from a background region, under an illumination gradient. */
  private Mat background(SplittableRandom r, int w, int h) {
    Mat bg = backgrounds.get(r.nextInt(backgrounds.size()));
    int cw = Math.max(16, (int) Math.round(bg.cols() * (0.5 + 0.5 * r.nextDouble())));
    int ch = Math.max(16, (int) Math.round(bg.rows() * (0.5 + 0.5 * r.nextDouble())));
    int cx = r.nextInt(bg.cols() - cw + 1);
    int cy = r.nextInt(bg.rows() - ch + 1);
    Mat region = bg.submat(new Rect(cx, cy, cw, ch));
    Mat resized = new Mat();
    Imgproc.resize(region, resized, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
    region.release();
    Mat f = new Mat();
    resized.convertTo(f, CvType.CV_32F);
    resized.release();
    if (r.nextDouble() < 0.5) {
      f.convertTo(f, CvType.CV_32F, 0.5 + r.nextDouble(), (r.nextDouble() - 0.5) * 80);
    }
    double gx = (r.nextDouble() * 2 - 1) * 0.2 / w;
    double gy = (r.nextDouble() * 2 - 1) * 0.2 / h;
    float[] row = new float[w];
    for (int y = 0; y < h; y++) {
      f.get(y, 0, row);
      for (int x = 0; x < w; x++) {
        row[x] = (float) (row[x] * (1 + gx * (x - w / 2.0) + gy * (y - h / 2.0)));
      }
      f.put(y, 0, row);
    }
    return f;
  }

  /** A flat sign panel drawn into the scene; returns its bounds. */
  private static Placed panel(SplittableRandom r, Mat scene) {
    int w = scene.cols();
    int h = scene.rows();
    int pw = (int) Math.round(w * (0.2 + 0.6 * r.nextDouble()));
    int ph = (int) Math.round(h * (0.1 + 0.4 * r.nextDouble()));
    int x = r.nextInt(w - pw + 1);
    int y = r.nextInt(h - ph + 1);
    double grey = r.nextInt(256);
    Imgproc.rectangle(scene, new Point(x, y), new Point(x + pw - 1, y + ph - 1), new Scalar(grey), -1);
    if (r.nextDouble() < 0.4) {
      double edge = Math.abs(grey - 128) > 64 ? 255 - grey : (grey + 128) % 256;
      Imgproc.rectangle(scene, new Point(x, y), new Point(x + pw - 1, y + ph - 1), new Scalar(edge),
          1 + r.nextInt(4));
    }
    Mat roi = scene.submat(new Rect(x, y, pw, ph));
    Mat noise = new Mat(ph, pw, CvType.CV_32F);
    float[] n = new float[pw * ph];
    double sigma = 1 + 5 * r.nextDouble();
    for (int i = 0; i < n.length; i++) {
      n[i] = (float) (sigma * GreyRaster.nextGaussian(r));
    }
    noise.put(0, 0, n);
    Core.add(roi, noise, roi);
    noise.release();
    roi.release();
    return new Placed(x, y, x + pw, y + ph);
  }

  /** Lines and circles that are not text. */
  private static void distractors(SplittableRandom r, Mat scene, int n) {
    int w = scene.cols();
    int h = scene.rows();
    for (int i = 0; i < n; i++) {
      Scalar c = new Scalar(r.nextInt(256));
      int t = 1 + r.nextInt(6);
      if (r.nextDouble() < 0.7) {
        Imgproc.line(scene, new Point(r.nextInt(w), r.nextInt(h)), new Point(r.nextInt(w), r.nextInt(h)), c, t,
            Imgproc.LINE_AA);
      } else {
        Imgproc.circle(scene, new Point(r.nextInt(w), r.nextInt(h)), 5 + r.nextInt(Math.max(6, h / 4)), c, t,
            Imgproc.LINE_AA);
      }
    }
  }

  private String wordText(SplittableRandom r) {
    double u = r.nextDouble();
    if (u < 0.08) {
      return switch (r.nextInt(4)) {
        case 0 -> Integer.toString(r.nextInt(100_000));
        case 1 -> String.format(Locale.ROOT, "$%d.%02d", r.nextInt(1000), r.nextInt(100));
        case 2 -> String.format(Locale.ROOT, "%d:%02d", 1 + r.nextInt(12), r.nextInt(60));
        default -> String.format(Locale.ROOT, "%d%%", r.nextInt(101));
      };
    }
    String word = lexicon.get(r.nextInt(lexicon.size()));
    double c = r.nextDouble();
    if (c < 0.2) {
      word = word.toUpperCase(Locale.ROOT);
    } else if (c < 0.5) {
      word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
    if (r.nextDouble() < 0.05) {
      word = switch (r.nextInt(4)) {
        case 0 -> word + ",";
        case 1 -> word + ".";
        case 2 -> word + "!";
        default -> "(" + word + ")";
      };
    }
    return word;
  }

  /** Tries to place one line of words; false (and nothing drawn) when it does not fit. */
  private boolean line(SplittableRandom r, Mat scene, List<Placed> panels, List<Placed> placed, List<DocWord> out) {
    int sw = scene.cols();
    int sh = scene.rows();
    double u = r.nextDouble();
    int nWords = u < 0.45 ? 1 : u < 0.7 ? 2 : u < 0.85 ? 3 : 4 + r.nextInt(2);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nWords; i++) {
      texts.add(wordText(r));
    }
    double lineH = Math.exp(Math.log(14) + r.nextDouble() * (Math.log(110) - Math.log(14)));
    lineH = Math.min(lineH, sh / 3.0);
    FontChoice fc = fonts.pick(PICK_TEXT + String.join("", texts), 0.3, 0.1, r);
    Font font = fc.face().font().deriveFont((float) lineH);
    if (fc.syntheticItalic()) {
      font = font.deriveFont(AffineTransform.getShearInstance(-0.2, 0));
    }
    double gap = (0.25 + 0.45 * r.nextDouble()) * lineH;
    double stretch = 0.8 + 0.4 * r.nextDouble();
    double angle = Math.max(-20, Math.min(20, 4 * GreyRaster.nextGaussian(r)));
    double jitter = 0.15 * r.nextDouble();
    boolean border = r.nextDouble() < 0.2;
    int borderPx = 1 + r.nextInt(3);
    boolean shadow = r.nextDouble() < 0.15;
    double opacity = r.nextDouble() < 0.2 ? 0.75 + 0.25 * r.nextDouble() : 1.0;
    int contrast = 40 + r.nextInt(61);
    boolean onPanel = !panels.isEmpty() && r.nextDouble() < 0.6;
    Placed panel = onPanel ? panels.get(r.nextInt(panels.size())) : null;

    // lay out the words on a line canvas (unwarped), one mask per word
    GlyphVector[] gv = new GlyphVector[nWords];
    double[] xs = new double[nWords];
    double x = 0;
    Rectangle2D.Double ink = null;
    for (int i = 0; i < nWords; i++) {
      gv[i] = font.createGlyphVector(FRC, texts.get(i));
      Rectangle2D vb = gv[i].getVisualBounds();
      if (vb.isEmpty()) {
        return false;
      }
      xs[i] = x - vb.getX();
      Rectangle2D.Double b = new Rectangle2D.Double(x, vb.getY(), vb.getWidth(), vb.getHeight());
      ink = ink == null ? b : (Rectangle2D.Double) ink.createUnion(b);
      x += vb.getWidth() + gap;
    }
    int pad = (int) Math.ceil(0.3 * lineH) + 4;
    int cw = (int) Math.ceil(ink.getWidth()) + 2 * pad;
    int ch = (int) Math.ceil(ink.getHeight()) + 2 * pad;
    double baseY = pad - ink.getY();
    // the line's corners on the scene: stretch, rotate, then move each corner
    double tw = cw * stretch;
    double th = ch;
    if (tw > sw * 0.95 || th > sh * 0.6) {
      return false;
    }
    double rad = Math.toRadians(angle);
    double cos = Math.cos(rad);
    double sin = Math.sin(rad);
    double[][] rel = {{-tw / 2, -th / 2}, {tw / 2, -th / 2}, {tw / 2, th / 2}, {-tw / 2, th / 2}};
    double[][] corners = new double[4][2];
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int k = 0; k < 4; k++) {
      double jx = (r.nextDouble() * 2 - 1) * jitter * lineH;
      double jy = (r.nextDouble() * 2 - 1) * jitter * lineH;
      corners[k][0] = rel[k][0] * cos - rel[k][1] * sin + jx;
      corners[k][1] = rel[k][0] * sin + rel[k][1] * cos + jy;
      minX = Math.min(minX, corners[k][0]);
      minY = Math.min(minY, corners[k][1]);
      maxX = Math.max(maxX, corners[k][0]);
      maxY = Math.max(maxY, corners[k][1]);
    }
    int bw = (int) Math.ceil(maxX - minX);
    int bh = (int) Math.ceil(maxY - minY);
    int areaX0 = panel != null ? panel.x0() : 0;
    int areaY0 = panel != null ? panel.y0() : 0;
    int areaX1 = panel != null ? panel.x1() : sw;
    int areaY1 = panel != null ? panel.y1() : sh;
    if (bw >= areaX1 - areaX0 || bh >= areaY1 - areaY0) {
      if (panel == null) {
        return false;
      }
      areaX0 = 0;
      areaY0 = 0;
      areaX1 = sw;
      areaY1 = sh;
      if (bw >= sw || bh >= sh) {
        return false;
      }
    }
    int ox = areaX0 + r.nextInt(areaX1 - areaX0 - bw);
    int oy = areaY0 + r.nextInt(areaY1 - areaY0 - bh);
    Placed here = new Placed(ox, oy, ox + bw, oy + bh);
    for (Placed p : placed) {
      if (here.overlaps(p, (int) (0.15 * lineH))) {
        return false;
      }
    }
    // a line is either inside a panel or clear of every panel: one straddling an edge would be coloured
    // for the mixed region and vanish on one side
    for (Placed p : panels) {
      boolean inside = ox >= p.x0() && oy >= p.y0() && ox + bw <= p.x1() && oy + bh <= p.y1();
      if (!inside && here.overlaps(p, 0)) {
        return false;
      }
    }
    MatOfPoint2f src = new MatOfPoint2f(new Point(0, 0), new Point(cw, 0), new Point(cw, ch), new Point(0, ch));
    Point[] dstPts = new Point[4];
    for (int k = 0; k < 4; k++) {
      dstPts[k] = new Point(corners[k][0] - minX, corners[k][1] - minY);
    }
    MatOfPoint2f dst = new MatOfPoint2f(dstPts);
    Mat hmg = Imgproc.getPerspectiveTransform(src, dst);
    src.release();
    dst.release();

    // each word's mask, warped into the line's box on the scene
    Mat cover = Mat.zeros(bh, bw, CvType.CV_32F);
    List<DocWord> lineWords = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < nWords && ok; i++) {
      BufferedImage m = new BufferedImage(cw, ch, BufferedImage.TYPE_BYTE_GRAY);
      Graphics2D g = m.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setColor(java.awt.Color.WHITE);
      g.translate(pad - ink.getX(), 0);
      if (fc.syntheticBold()) {
        g.setStroke(new java.awt.BasicStroke((float) (lineH / 30)));
        g.draw(gv[i].getOutline((float) xs[i], (float) baseY));
      }
      g.fill(gv[i].getOutline((float) xs[i], (float) baseY));
      g.dispose();
      byte[] mb = ((DataBufferByte) m.getRaster().getDataBuffer()).getData();
      Mat mask = new Mat(ch, cw, CvType.CV_8UC1);
      mask.put(0, 0, mb);
      Mat warped = new Mat();
      Imgproc.warpPerspective(mask, warped, hmg, new Size(bw, bh), Imgproc.INTER_LINEAR, Core.BORDER_CONSTANT,
          new Scalar(0));
      mask.release();
      byte[] wb = new byte[bw * bh];
      warped.get(0, 0, wb);
      int x0 = Integer.MAX_VALUE;
      int y0 = Integer.MAX_VALUE;
      int x1 = -1;
      int y1 = -1;
      for (int yy = 0; yy < bh; yy++) {
        for (int xx = 0; xx < bw; xx++) {
          if ((wb[yy * bw + xx] & 0xFF) >= INK_THRESHOLD) {
            x0 = Math.min(x0, xx);
            y0 = Math.min(y0, yy);
            x1 = Math.max(x1, xx);
            y1 = Math.max(y1, yy);
          }
        }
      }
      if (x1 - x0 < 2 || y1 - y0 < 3) {
        ok = false;
      } else {
        lineWords.add(new DocWord(texts.get(i), ox + x0, oy + y0, x1 - x0 + 1, y1 - y0 + 1));
        Mat wf = new Mat();
        warped.convertTo(wf, CvType.CV_32F, 1 / 255.0);
        Core.max(cover, wf, cover);
        wf.release();
      }
      warped.release();
    }
    hmg.release();
    if (!ok) {
      cover.release();
      return false;
    }
    Mat roi = scene.submat(new Rect(ox, oy, bw, bh));
    composite(r, roi, cover, contrast, border, borderPx, shadow, opacity);
    roi.release();
    cover.release();
    placed.add(here);
    out.addAll(lineWords);
    return true;
  }

  /** Draws the line's coverage into {@code roi} (CV_32F grey) with MJSynth-style colours. */
  private static void composite(SplittableRandom r, Mat roi, Mat cover, int contrast, boolean border, int borderPx,
      boolean shadow, double opacity) {
    int n = roi.rows() * roi.cols();
    float[] bg = new float[n];
    roi.get(0, 0, bg);
    long[] hist = new long[256];
    double mean = 0;
    for (float v : bg) {
      int b = Math.max(0, Math.min(255, Math.round(v)));
      hist[b]++;
      mean += b;
    }
    mean /= n;
    GreyClusters k = GreyClusters.of(hist, 3);
    double ink = k.mean(0);
    for (int i = 1; i < k.k(); i++) {
      if (Math.abs(k.mean(i) - mean) > Math.abs(ink - mean)) {
        ink = k.mean(i);
      }
    }
    if (Math.abs(ink - mean) < contrast) {
      ink = mean >= 128 ? mean - contrast : mean + contrast;
    }
    ink = Math.max(0, Math.min(255, ink + (r.nextDouble() - 0.5) * 20));
    float[] a = new float[n];
    cover.get(0, 0, a);
    if (shadow) {
      Mat s = new Mat();
      int dx = 1 + r.nextInt(4);
      int dy = 1 + r.nextInt(4);
      Mat t = Mat.zeros(2, 3, CvType.CV_64F);
      t.put(0, 0, 1, 0, dx, 0, 1, dy);
      Imgproc.warpAffine(cover, s, t, cover.size());
      Imgproc.GaussianBlur(s, s, new Size(0, 0), 1 + r.nextDouble() * 1.5);
      float[] sa = new float[n];
      s.get(0, 0, sa);
      double shade = Math.max(0, Math.min(255, mean >= 128 ? mean - 90 : mean * 0.3));
      for (int i = 0; i < n; i++) {
        double al = 0.6 * sa[i];
        bg[i] = (float) (bg[i] * (1 - al) + shade * al);
      }
      s.release();
      t.release();
    }
    if (border) {
      Mat d = new Mat();
      Mat ker = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(2 * borderPx + 1, 2 * borderPx + 1));
      Imgproc.dilate(cover, d, ker);
      float[] da = new float[n];
      d.get(0, 0, da);
      double edge = ink >= 128 ? Math.max(0, ink - 120 - r.nextInt(60)) : Math.min(255, ink + 120 + r.nextInt(60));
      for (int i = 0; i < n; i++) {
        bg[i] = (float) (bg[i] * (1 - da[i]) + edge * da[i]);
      }
      d.release();
      ker.release();
    }
    for (int i = 0; i < n; i++) {
      double al = a[i] * opacity;
      bg[i] = (float) (bg[i] * (1 - al) + ink * al);
    }
    roi.put(0, 0, bg);
  }

  /** Blur, noise and a JPEG round trip of the whole scene, in place; clips to 0..255. */
  private static void degrade(SplittableRandom r, Mat scene) {
    int w = scene.cols();
    int h = scene.rows();
    float[] f = new float[w * h];
    scene.get(0, 0, f);
    double[] d = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      d[i] = f[i];
    }
    if (r.nextDouble() < 0.6) {
      d = GreyRaster.gaussianBlur(d, w, h, 0.3 + 1.2 * r.nextDouble());
    }
    double noise = 8 * r.nextDouble();
    for (int i = 0; i < d.length; i++) {
      d[i] += noise * GreyRaster.nextGaussian(r);
    }
    BufferedImage img = GreyRaster.toImage(d, w, h);
    if (r.nextDouble() < 0.7) {
      img = GreyRaster.jpegRoundTrip(img, (float) (0.35 + 0.6 * r.nextDouble()));
    }
    byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    Mat b = new Mat(h, w, CvType.CV_8UC1);
    b.put(0, 0, px);
    b.convertTo(scene, CvType.CV_8UC1);
    b.release();
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Development entry: {@code SceneSynth DIR COUNT SEED}. The CLI flag is {@code synth --scenes}. */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: SceneSynth DIR COUNT SEED");
      System.exit(2);
    }
    long t0 = System.nanoTime();
    write(Path.of(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
    System.out.printf(Locale.ROOT, "wrote %s scenes to %s in %.1f s%n", args[1], args[0], (System.nanoTime() - t0) / 1e9);
  }
}
