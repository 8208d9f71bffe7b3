package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.canvas.Canvas;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Encodes the pixels losslessly as a PNG (grey, or RGB with the hues for colour output) and decodes it
 * again as grey: for the document chain, whose 1-bit images must stay 2-valued and whose JPEG look is
 * a distortion applied before. Draws nothing.
 */
public final class PngStage implements Stage {
  @Override
  public String name() {
    return "png";
  }

  @Override
  public StageOutcome apply(Canvas c, RandomGenerator r) {
    Mat image;
    if (c.colour) {
      image = Chroma.bgr(c);
    } else {
      image = new Mat(c.outH, c.outW, CvType.CV_8UC1);
      image.put(0, 0, c.pixels);
    }
    MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 6);
    boolean ok = Imgcodecs.imencode(".png", image, c.encoded, params);
    params.release();
    image.release();
    Encoded.adopt(c, ok, "PNG");
    return StageOutcome.CONTINUE;
  }
}
