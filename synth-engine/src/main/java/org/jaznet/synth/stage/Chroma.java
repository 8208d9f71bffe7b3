package org.jaznet.synth.stage;

import static org.jaznet.synth.colour.ChromaClusters.WB;
import static org.jaznet.synth.colour.ChromaClusters.WG;
import static org.jaznet.synth.colour.ChromaClusters.WR;

import java.util.random.RandomGenerator;
import org.jaznet.synth.canvas.Canvas;
import org.jaznet.synth.colour.ChromaClusters;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The colour side of the stages: hues are offsets (dR, dG, dB) with zero luma laid over the grey image
 * the stages compute anyway, so that the grey chain is untouched and a colour image's luma is its grey
 * twin (up to clipping and JPEG).
 */
final class Chroma {
  private Chroma() {}

  /** Draws a hue from cluster {@code j} of {@code hues} into {@code out}. */
  static void draw(ChromaClusters hues, int j, RandomGenerator r, float[] out) {
    for (int ch = 0; ch < 3; ch++) {
      out[ch] = (float) (hues.mean(j, ch) + hues.sigma(j, ch) * r.nextGaussian());
    }
    zeroLuma(out);
  }

  /** Removes the luma of an offset (the weights sum to 1, so subtracting it from each channel does). */
  static void zeroLuma(float[] d) {
    float y = (float) (WR * d[0] + WG * d[1] + WB * d[2]);
    d[0] -= y;
    d[1] -= y;
    d[2] -= y;
  }

  /** Lays the layers' hues out by the alpha masks, in the order the compose stage layers the greys. */
  static void compose(Canvas c) {
    int n = c.outW * c.outH;
    float[] out = c.chromaPlane();
    float[] bg = c.backgroundChroma;
    float[] bo = c.borderChroma;
    float[] tx = c.textChroma;
    boolean border = c.hasBorder;
    for (int i = 0; i < n; i++) {
      float ta = (c.textAlpha[i] & 0xFF) / 255f;
      float ba = border ? (c.borderAlpha[i] & 0xFF) / 255f : 0f;
      for (int ch = 0; ch < 3; ch++) {
        float v = bg[ch] + (bo[ch] - bg[ch]) * ba;
        out[3 * i + ch] = v + (tx[ch] - v) * ta;
      }
    }
  }

  /** Two layers (paper and ink) by the text mask. */
  static void composeTwo(Canvas c, float[] paper, float[] ink) {
    int n = c.outW * c.outH;
    float[] out = c.chromaPlane();
    for (int i = 0; i < n; i++) {
      float ta = (c.textAlpha[i] & 0xFF) / 255f;
      for (int ch = 0; ch < 3; ch++) {
        out[3 * i + ch] = paper[ch] + (ink[ch] - paper[ch]) * ta;
      }
    }
  }

  /** Blurs the chroma plane as the grey one. */
  static void blur(Canvas c, double sigma) {
    Mat m = toMat(c);
    Imgproc.GaussianBlur(m, m, new Size(0, 0), sigma);
    m.get(0, 0, c.chroma);
    m.release();
  }

  /** Down- and upsamples the chroma plane as the grey one. */
  static void resample(Canvas c, int w, int h) {
    Mat m = toMat(c);
    Mat small = new Mat();
    Imgproc.resize(m, small, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
    Imgproc.resize(small, m, new Size(c.outW, c.outH), 0, 0, Imgproc.INTER_LINEAR);
    m.get(0, 0, c.chroma);
    small.release();
    m.release();
  }

  private static Mat toMat(Canvas c) {
    Mat m = new Mat(c.outH, c.outW, CvType.CV_32FC3);
    m.put(0, 0, c.chroma);
    return m;
  }

  /**
   * The output image in OpenCV's B, G, R order: grey plus hue, clipped; grey in all three channels where
   * there is no hue (1-bit images).
   */
  static Mat bgr(Canvas c) {
    int n = c.outW * c.outH;
    byte[] px = new byte[3 * n];
    boolean hue = c.hasChroma;
    for (int i = 0; i < n; i++) {
      int y = c.pixels[i] & 0xFF;
      if (hue) {
        px[3 * i] = clip(y + c.chroma[3 * i + 2]);
        px[3 * i + 1] = clip(y + c.chroma[3 * i + 1]);
        px[3 * i + 2] = clip(y + c.chroma[3 * i]);
      } else {
        px[3 * i] = (byte) y;
        px[3 * i + 1] = (byte) y;
        px[3 * i + 2] = (byte) y;
      }
    }
    Mat m = new Mat(c.outH, c.outW, CvType.CV_8UC3);
    m.put(0, 0, px);
    return m;
  }

  private static byte clip(float v) {
    int i = Math.round(v);
    return (byte) (i < 0 ? 0 : (i > 255 ? 255 : i));
  }
}
