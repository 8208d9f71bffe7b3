package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.SynthConfig.Recipe.DocumentLook;
import org.jaznet.synth.canvas.Canvas;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * What a scanner or a fax machine does to print, each effect with its own probability from the
 * {@link DocumentLook}, in this order: Gaussian noise, blur, then either a fax look, a 1-bit threshold
 * or neither, then speckle (with the noise), then a low-resolution scan and a JPEG round trip (grey
 * images only). A low-resolution scan resamples the grey levels only; hues (colour output) stay.
 *
 * <p>1-bit images are exactly 0 and 255 (ink black). A threshold that loses the word (fewer than
 * {@value #MIN_INK_KEPT} of the core ink pixels black, or more than {@value #MAX_PAPER_BLACK} of the
 * paper black) is retried with Otsu's global threshold and, failing that, not applied: the image stays
 * grey, so a label never names ink that thresholding erased.
 *
 * <p>Every parameter is drawn up front, in a fixed order, whether or not its effect is used: switching
 * one probability changes no other effect's draw. The low-resolution scan's two draws come last, after
 * the speckle's, so that looks without it render the bytes they rendered before it existed.
 */
public final class ScanStage implements Stage {
  static final double MIN_INK_KEPT = 0.6;
  static final double MAX_PAPER_BLACK = 0.08;
  /** Text-mask coverage at or above which a pixel is core ink, at zero clear paper. */
  private static final int CORE_INK = 200;

  private enum Mode { GREY, BINARY, FAX }

  private final Recipe recipe;
  private final DocumentLook look;

  public ScanStage(Recipe recipe, DocumentLook look) {
    this.recipe = recipe;
    this.look = look;
  }

  @Override
  public String name() {
    return "scan";
  }

  @Override
  public StageOutcome apply(Canvas c, RandomGenerator r) {
    boolean noise = r.nextDouble() < look.scanNoiseP();
    double noiseSigma = 1 + (look.noiseSigmaMax() - 1) * r.nextDouble();
    double speckle = look.speckleMax() * r.nextDouble();
    boolean blur = r.nextDouble() < look.blurP();
    double blurSigma = 0.3 + (look.blurSigmaMax() - 0.3) * r.nextDouble();
    double u = r.nextDouble();
    Mode mode = u < look.faxP() ? Mode.FAX : (u < look.faxP() + look.binariseP() ? Mode.BINARY : Mode.GREY);
    boolean adaptive = r.nextDouble() < look.adaptiveShare();
    double adaptiveC = 12 + 10 * r.nextDouble();
    double faxFactor = look.faxHeightMin() + (look.faxHeightMax() - look.faxHeightMin()) * r.nextDouble();
    boolean jpeg = r.nextDouble() < look.jpegP();
    double q = recipe.jpegMean() + recipe.jpegSigma() * r.nextGaussian();
    int quality = (int) Math.round(Math.min(recipe.jpegMax(), Math.max(recipe.jpegMin(), q)));

    int n = c.outW * c.outH;
    if (noise) {
      Gaussians.addNoise(c.pixels, n, noiseSigma, r);
    }
    if (blur) {
      c.outMat.create(c.outH, c.outW, CvType.CV_8UC1);
      c.outMat.put(0, 0, c.pixels);
      Imgproc.GaussianBlur(c.outMat, c.outMat, new Size(0, 0), blurSigma);
      c.outMat.get(0, 0, c.pixels);
      if (c.hasChroma) {
        Chroma.blur(c, blurSigma);
      }
    }
    boolean oneBit = false;
    if (mode != Mode.GREY) {
      byte[] grey = c.pixels.clone();
      oneBit = threshold(c, mode, adaptive, adaptiveC, faxFactor);
      if (!oneBit && mode == Mode.BINARY && adaptive) {
        System.arraycopy(grey, 0, c.pixels, 0, n);
        oneBit = threshold(c, mode, false, adaptiveC, faxFactor);
      }
      if (!oneBit) {
        System.arraycopy(grey, 0, c.pixels, 0, n);
      } else {
        c.hasChroma = false;
      }
    }
    if (noise && speckle > 0) {
      speckle(c, (int) Math.round(speckle * n), oneBit, r);
    }
    boolean lowRes = r.nextDouble() < look.lowResP();
    double lowResFactor = look.lowResMin() + (look.lowResMax() - look.lowResMin()) * r.nextDouble();
    if (lowRes && !oneBit) {
      resample(c, lowResFactor);
    }
    if (jpeg && !oneBit) {
      jpegRoundTrip(c, quality);
    }
    return StageOutcome.CONTINUE;
  }

  /** Thresholds {@code c.pixels} in place; false if the result lost the word (pixels then undefined). */
  private static boolean threshold(Canvas c, Mode mode, boolean adaptive, double adaptiveC, double faxFactor) {
    Mat m = new Mat(c.outH, c.outW, CvType.CV_8UC1);
    m.put(0, 0, c.pixels);
    Mat t = new Mat();
    try {
      if (mode == Mode.FAX) {
        int h = Math.max(4, (int) Math.round(c.outH * faxFactor));
        Mat small = new Mat();
        Imgproc.resize(m, small, new Size(c.outW, h), 0, 0, Imgproc.INTER_AREA);
        Imgproc.threshold(small, small, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
        Imgproc.resize(small, t, new Size(c.outW, c.outH), 0, 0, Imgproc.INTER_NEAREST);
        small.release();
      } else if (adaptive) {
        int block = 2 * (c.outH / 2) + 1;
        Imgproc.adaptiveThreshold(m, t, 255, Imgproc.ADAPTIVE_THRESH_GAUSSIAN_C, Imgproc.THRESH_BINARY, block,
            adaptiveC);
      } else {
        Imgproc.threshold(m, t, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
      }
      t.get(0, 0, c.pixels);
    } finally {
      m.release();
      t.release();
    }
    return keepsTheWord(c);
  }

  private static boolean keepsTheWord(Canvas c) {
    int n = c.outW * c.outH;
    int core = 0;
    int coreBlack = 0;
    int paper = 0;
    int paperBlack = 0;
    for (int i = 0; i < n; i++) {
      int a = c.textAlpha[i] & 0xFF;
      boolean black = c.pixels[i] == 0;
      if (a >= CORE_INK) {
        core++;
        coreBlack += black ? 1 : 0;
      } else if (a == 0) {
        paper++;
        paperBlack += black ? 1 : 0;
      }
    }
    return core > 0 && coreBlack >= MIN_INK_KEPT * core && paperBlack <= MAX_PAPER_BLACK * paper;
  }

  /** Down to {@code factor} of the size (area average) and back up (bilinear): a low-resolution scan. */
  private static void resample(Canvas c, double factor) {
    Mat m = new Mat(c.outH, c.outW, CvType.CV_8UC1);
    Mat small = new Mat();
    try {
      m.put(0, 0, c.pixels);
      Size to = new Size(Math.max(2, Math.round(c.outW * factor)), Math.max(2, Math.round(c.outH * factor)));
      Imgproc.resize(m, small, to, 0, 0, Imgproc.INTER_AREA);
      Imgproc.resize(small, m, new Size(c.outW, c.outH), 0, 0, Imgproc.INTER_LINEAR);
      m.get(0, 0, c.pixels);
    } finally {
      m.release();
      small.release();
    }
  }

  /** Isolated pixels: mostly dark dust, some light dropouts; black and white on a 1-bit image. */
  private static void speckle(Canvas c, int count, boolean oneBit, RandomGenerator r) {
    int n = c.outW * c.outH;
    for (int k = 0; k < count; k++) {
      int i = r.nextInt(n);
      boolean dark = r.nextDouble() < 0.7;
      int v = oneBit ? (dark ? 0 : 255) : (dark ? Math.min(c.pixels[i] & 0xFF, c.textGrey + 20)
          : Math.max(c.pixels[i] & 0xFF, c.backgroundGrey));
      c.pixels[i] = (byte) v;
      if (c.hasChroma) {
        c.chroma[3 * i] = 0;
        c.chroma[3 * i + 1] = 0;
        c.chroma[3 * i + 2] = 0;
      }
    }
  }

  /** The pixels (and hues) become what a JPEG file of this quality decodes to. */
  private static void jpegRoundTrip(Canvas c, int quality) {
    Mat image;
    if (c.hasChroma) {
      image = Chroma.bgr(c);
    } else {
      image = new Mat(c.outH, c.outW, CvType.CV_8UC1);
      image.put(0, 0, c.pixels);
    }
    MatOfByte bytes = new MatOfByte();
    MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality);
    try {
      if (!Imgcodecs.imencode(".jpg", image, bytes, params)) {
        throw new IllegalStateException("OpenCV could not encode a " + c.outW + "x" + c.outH + " JPEG");
      }
      int n = c.outW * c.outH;
      if (c.hasChroma) {
        Mat back = Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_COLOR);
        byte[] bgr = new byte[3 * n];
        back.get(0, 0, bgr);
        back.release();
        // Hues relative to the rounded luma, so that grey + hue gives the decoded pixel back exactly.
        for (int i = 0; i < n; i++) {
          int b = bgr[3 * i] & 0xFF;
          int g = bgr[3 * i + 1] & 0xFF;
          int rr = bgr[3 * i + 2] & 0xFF;
          int y = (int) Math.round(0.299 * rr + 0.587 * g + 0.114 * b);
          c.pixels[i] = (byte) y;
          c.chroma[3 * i] = rr - y;
          c.chroma[3 * i + 1] = g - y;
          c.chroma[3 * i + 2] = b - y;
        }
      } else {
        Mat back = Imgcodecs.imdecode(bytes, Imgcodecs.IMREAD_GRAYSCALE);
        back.get(0, 0, c.pixels);
        back.release();
      }
    } finally {
      image.release();
      bytes.release();
      params.release();
    }
  }
}
