package org.jaznet.recognizer.train;

import java.util.List;
import org.jaznet.recognizer.preprocess.Preprocessor;

/**
 * Preprocessed images and their labels.
 *
 * @param pixels {@code size() * 3200} floats: image i at {@code i * 3200}, row-major [32, 100]
 * @param words the label of each image, as the source gives it (case kept; codecs normalise)
 */
public record Batch(float[] pixels, List<String> words) {
  public Batch {
    words = List.copyOf(words);
    if (pixels.length != words.size() * Preprocessor.SIZE) {
      throw new IllegalArgumentException("pixels has " + pixels.length + " floats, expected "
          + words.size() + " x " + Preprocessor.SIZE);
    }
  }

  public int size() {
    return words.size();
  }
}
