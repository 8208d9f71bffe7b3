package org.jaznet.synth.scene;

import java.awt.image.BufferedImage;
import java.util.List;
import org.jaznet.synth.document.DocWord;

/**
 * A rendered synthetic scene.
 *
 * @param image the scene (8-bit grey)
 * @param words every word drawn, with its tight axis-aligned ink box and its text as drawn
 */
public record Scene(BufferedImage image, List<DocWord> words) {
  public Scene {
    words = List.copyOf(words);
  }
}
