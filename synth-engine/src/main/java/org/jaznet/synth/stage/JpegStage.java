package org.jaznet.synth.stage;

import java.util.random.RandomGenerator;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.canvas.Canvas;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Encodes the composed pixels as a grey JPEG (RGB with the hues for colour output) of quality
 * min(jpegMax, max(jpegMin, N(jpegMean, jpegSigma))) and decodes it again as grey, so that the sample's
 * grey pixels are exactly what a grey reader of the file sees.
 */
public final class JpegStage implements Stage {
  private final Recipe recipe;

  public JpegStage(Recipe recipe) {
    this.recipe = recipe;
  }

  @Override
  public String name() {
    return "jpeg";
  }

  @Override
  public StageOutcome apply(Canvas c, RandomGenerator r) {
    double q = recipe.jpegMean() + recipe.jpegSigma() * r.nextGaussian();
    int quality = (int) Math.round(Math.min(recipe.jpegMax(), Math.max(recipe.jpegMin(), q)));
    Mat image = c.outMat;
    if (c.colour) {
      image = Chroma.bgr(c);
    } else {
      c.outMat.create(c.outH, c.outW, CvType.CV_8UC1);
      c.outMat.put(0, 0, c.pixels);
    }
    MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality);
    boolean ok = Imgcodecs.imencode(".jpg", image, c.encoded, params);
    params.release();
    if (image != c.outMat) {
      image.release();
    }
    Encoded.adopt(c, ok, "JPEG");
    return StageOutcome.CONTINUE;
  }
}
