package org.jaznet.synth.colour;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A natural photograph, decoded once to a small grey array, with its grey-level clusters.
 *
 * @param file where it came from
 * @param width width of {@code grey}
 * @param height height of {@code grey}
 * @param grey row-major 8-bit grey pixels (never modified after loading)
 * @param two k-means with 2 clusters (background and text colours)
 * @param three k-means with 3 clusters (background, text and border colours)
 */
public record Backdrop(Path file, int width, int height, byte[] grey, GreyClusters two, GreyClusters three) {
  public Backdrop {
    Objects.requireNonNull(file, "file");
    if (grey.length != width * height) {
      throw new IllegalArgumentException("grey has " + grey.length + " bytes, expected " + width * height);
    }
  }

  /** Builds a backdrop from grey pixels, computing its clusters. */
  public static Backdrop of(Path file, int width, int height, byte[] grey) {
    long[] hist = GreyClusters.histogram(grey);
    return new Backdrop(file, width, height, grey, GreyClusters.of(hist, 2), GreyClusters.of(hist, 3));
  }
}
