package org.jaznet.recognizer;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.opencv.core.Mat;

/**
 * Reads words in images with a trained jaznet model. Thread-safe: one instance may serve many threads;
 * every single-image call goes through the batch path.
 *
 * <pre>{@code
 * try (Recognizer r = Recognizer.load(Path.of("model.zip"))) {
 *   Recognition res = r.recognize(image);
 * }
 * }</pre>
 *
 * <p>INTERIM API: signatures fixed, implementation being built (issue 3).
 */
public final class Recognizer implements AutoCloseable {
  private Recognizer() {}

  /** Loads a model file, verifying its checksum. */
  public static Recognizer load(Path modelFile) throws RecognizerException {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Loads the default model shipped in {@code models/}. */
  public static Recognizer loadDefault() throws RecognizerException {
    throw new UnsupportedOperationException("not built yet");
  }

  public Recognition recognize(BufferedImage image) throws RecognizerException {
    return recognizeAll(List.of(image)).get(0);
  }

  public Recognition recognize(Path imageFile) throws RecognizerException {
    throw new UnsupportedOperationException("not built yet");
  }

  public Recognition recognize(Mat image) throws RecognizerException {
    throw new UnsupportedOperationException("not built yet");
  }

  /** Reads a batch of images in one forward pass (chunked internally). */
  public List<Recognition> recognizeAll(List<BufferedImage> images) throws RecognizerException {
    throw new UnsupportedOperationException("not built yet");
  }

  /** As {@link #recognizeAll(List)}, also decoding each head against the lexicon (null for none). */
  public List<Recognition> recognizeAll(List<BufferedImage> images, List<String> lexicon) throws RecognizerException {
    throw new UnsupportedOperationException("not built yet");
  }

  @Override
  public void close() {}
}
