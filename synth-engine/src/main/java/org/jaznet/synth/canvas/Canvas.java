package org.jaznet.synth.canvas;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.jaznet.synth.CharBox;
import org.jaznet.synth.text.Word;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;

/**
 * Mutable working state of one sample, reused across samples by one thread (never shared between
 * threads). Fields are public because the stages of {@code org.jaznet.synth.stage} read and write them
 * in a fixed order; {@link #reset(Word)} starts a sample.
 *
 * <p>Two coordinate systems: the <em>work</em> canvas where the text is drawn, and the <em>output</em>
 * image. Geometric stages do not resample: they compose their transform into {@link #homography}
 * (work to current) and move {@link #quads} with it; the crop stage resamples once, from the work
 * canvas straight to the output size, so mask and quads always describe the same pixels.
 */
public final class Canvas {
  private static final int INITIAL_WIDTH = 1024;
  private static final int INITIAL_HEIGHT = 192;

  /** The word being drawn. */
  public Word word;
  /** Working font size (em) in work pixels. */
  public float fontSize;

  /** Work canvas: white (255) text mask on black, row stride {@link #workCapacityW}. */
  public BufferedImage work;
  public Graphics2D graphics;
  public byte[] workPixels;
  public int workCapacityW;
  public int workCapacityH;
  /** Part of the work canvas the current sample uses. */
  public int workW;
  public int workH;
  /** Ink bounds in work coordinates: [x0, x1) x [y0, y1). */
  public int inkX0;
  public int inkY0;
  public int inkX1;
  public int inkY1;

  /** Pending transform from work coordinates to the current coordinates. */
  public final double[] homography = Homography.identity();
  /** Per-character quads in current coordinates: 8 floats per character (TL, TR, BR, BL). */
  public float[] quads = new float[64];

  /** Output size; valid after the crop stage. */
  public int outW;
  public int outH;
  /** Em size in output pixels (scales MJSynth's 60 px figures after the crop). */
  public float emOut;
  /** Text coverage at output resolution, 0..255. */
  public byte[] textAlpha = new byte[0];
  /** Border or shadow coverage at output resolution, 0..255; meaningful only if {@link #hasBorder}. */
  public byte[] borderAlpha = new byte[0];
  public boolean hasBorder;

  /** Base grey levels of the layers. */
  public int backgroundGrey;
  public int textGrey;
  public int borderGrey;
  /** Layer pixels after natural-image blending. */
  public byte[] backgroundLayer = new byte[0];
  public byte[] textLayer = new byte[0];
  public byte[] borderLayer = new byte[0];
  /** Composed output pixels. */
  public byte[] pixels = new byte[0];
  /** Set by the chain after too many low-contrast redraws: colour stages must then pick legible colours. */
  public boolean fallbackColours;

  /** Encoded result and its decoded grey pixels. */
  public byte[] jpeg;
  public byte[] grey;

  /**
   * Colour output: the stages then also carry a hue for each layer and, after composing, a chroma plane,
   * and the encoder writes RGB. Colour draws come from {@link #colourRandom}, never from the sample's
   * main generator, so a colour sample has the same text, geometry and grey levels as its grey twin.
   */
  public boolean colour;
  public RandomGenerator colourRandom;
  /**
   * Per-layer hue as offsets (R - Y, G - Y, B - Y) from the layer's grey Y, with zero luma
   * (0.299 dR + 0.587 dG + 0.114 dB = 0), so adding them to a grey keeps its luma.
   */
  public final float[] backgroundChroma = new float[3];
  public final float[] textChroma = new float[3];
  public final float[] borderChroma = new float[3];
  /** Chroma offsets per output pixel, interleaved (dR, dG, dB); meaningful only if {@link #hasChroma}. */
  public float[] chroma = new float[0];
  /** False for grey output and once an image is made 1-bit (which has no hue). */
  public boolean hasChroma;


  /** OpenCV scratch matrices, reused. */
  public Mat workMat;
  public final Mat outMat = new Mat();
  public final Mat auxMat = new Mat();
  public final Mat homographyMat = new Mat(3, 3, CvType.CV_64F);
  public final MatOfByte encoded = new MatOfByte();

  public Canvas() {
    OpenCvNative.load();
    allocateWork(INITIAL_WIDTH, INITIAL_HEIGHT);
  }

  /** Starts a new grey sample. */
  public void reset(Word w) {
    reset(w, null);
  }

  /** Starts a new sample, in colour if {@code colourRandom} is not null (it then draws the hues). */
  public void reset(Word w, RandomGenerator colourRandom) {
    this.word = w;
    this.colour = colourRandom != null;
    this.colourRandom = colourRandom;
    hasChroma = false;
    Arrays.fill(backgroundChroma, 0);
    Arrays.fill(textChroma, 0);
    Arrays.fill(borderChroma, 0);
    int n = w.text().length();
    if (quads.length < 8 * n) {
      quads = new float[8 * n];
    }
    System.arraycopy(Homography.identity(), 0, homography, 0, 9);
    hasBorder = false;
    fallbackColours = false;
    jpeg = null;
    grey = null;
    outW = 0;
    outH = 0;
  }

  /** Makes the work canvas at least {@code w x h} and clears that region to black. */
  public void prepareWork(int w, int h) {
    if (w > workCapacityW || h > workCapacityH) {
      allocateWork(Math.max(w, workCapacityW), Math.max(h, workCapacityH));
    }
    workW = w;
    workH = h;
    for (int y = 0; y < h; y++) {
      Arrays.fill(workPixels, y * workCapacityW, y * workCapacityW + w, (byte) 0);
    }
  }

  private void allocateWork(int w, int h) {
    if (graphics != null) {
      graphics.dispose();
    }
    work = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    workPixels = ((DataBufferByte) work.getRaster().getDataBuffer()).getData();
    workCapacityW = w;
    workCapacityH = h;
    graphics = work.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    if (workMat == null) {
      workMat = new Mat(h, w, CvType.CV_8UC1);
    }
  }

  private byte[] packed = new byte[0];
  private BufferedImage glyphScratch;
  /** Graphics on {@link #glyphScratch(int)}'s image, owned by the render stage (which sets it up). */
  public Graphics2D glyphGraphics;

  /**
   * A square grey scratch image of at least {@code side} pixels for rendering single glyphs; a new image
   * drops {@link #glyphGraphics}.
   */
  public BufferedImage glyphScratch(int side) {
    if (glyphScratch == null || glyphScratch.getWidth() < side) {
      glyphScratch = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
      if (glyphGraphics != null) {
        glyphGraphics.dispose();
      }
      glyphGraphics = null;
    }
    return glyphScratch;
  }

  /** A scratch array of at least {@code n} bytes for packing the used work region. */
  public byte[] packedWork(int n) {
    if (packed.length < n) {
      packed = new byte[Math.max(n, packed.length * 3 / 2)];
    }
    return packed;
  }

  /** Sets the output size and sizes the output buffers (contents undefined). */
  public void prepareOutput(int w, int h) {
    outW = w;
    outH = h;
    int n = w * h;
    if (textAlpha.length != n) {
      textAlpha = new byte[n];
      borderAlpha = new byte[n];
      backgroundLayer = new byte[n];
      textLayer = new byte[n];
      borderLayer = new byte[n];
      pixels = new byte[n];
    }
  }

  /** Sizes {@link #chroma} for the output image (contents undefined) and marks it in use. */
  public float[] chromaPlane() {
    int n = 3 * outW * outH;
    if (chroma.length != n) {
      chroma = new float[n];
    }
    hasChroma = true;
    return chroma;
  }

  /** The quads as output character boxes. */
  public List<CharBox> charBoxes() {
    String t = word.text();
    List<CharBox> out = new ArrayList<>(t.length());
    for (int i = 0; i < t.length(); i++) {
      int q = 8 * i;
      out.add(new CharBox(t.charAt(i), quads[q], quads[q + 1], quads[q + 2], quads[q + 3], quads[q + 4],
          quads[q + 5], quads[q + 6], quads[q + 7]));
    }
    return out;
  }
}
