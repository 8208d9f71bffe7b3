package org.jaznet.synth.stage;

import org.jaznet.synth.canvas.Canvas;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

/** What the encoding stages share: the encoded bytes become the sample's file, and their grey decoding its pixels. */
final class Encoded {
  private Encoded() {}

  /**
   * Keeps {@code c.encoded} as the sample's file bytes and its grey decoding as {@code c.grey}.
   *
   * @param ok what {@code Imgcodecs.imencode} returned
   * @param format the format's name, for the error
   */
  static void adopt(Canvas c, boolean ok, String format) {
    if (!ok) {
      throw new IllegalStateException("OpenCV could not encode a " + c.outW + "x" + c.outH + " " + format);
    }
    c.jpeg = c.encoded.toArray();
    Mat decoded = Imgcodecs.imdecode(c.encoded, Imgcodecs.IMREAD_GRAYSCALE);
    byte[] grey = new byte[c.outW * c.outH];
    decoded.get(0, 0, grey);
    decoded.release();
    c.grey = grey;
  }
}
