package org.jaznet.pages.detect.scene;

import org.jaznet.recognizer.preprocess.Preprocessor;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Grey pixels to the scene network's input: resized (area filter when shrinking), then (v / 255 - 0.5) * 2. */
public final class SceneInput {
  static {
    Preprocessor.loadOpenCv();
  }

  private SceneInput() {}

  /** {@code grey} ({@code w x h}) resized to {@code tw x th}, as network input floats, row-major. */
  public static float[] of(byte[] grey, int w, int h, int tw, int th) {
    byte[] r = grey;
    if (tw != w || th != h) {
      Mat src = new Mat(h, w, CvType.CV_8UC1);
      Mat dst = new Mat();
      try {
        src.put(0, 0, grey);
        Imgproc.resize(src, dst, new Size(tw, th), 0, 0, tw < w ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        r = new byte[tw * th];
        dst.get(0, 0, r);
      } finally {
        src.release();
        dst.release();
      }
    }
    float[] out = new float[tw * th];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((r[i] & 0xFF) / 255f - 0.5f) * 2f;
    }
    return out;
  }
}
