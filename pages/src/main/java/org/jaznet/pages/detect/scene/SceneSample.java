package org.jaznet.pages.detect.scene;

import java.util.List;
import org.jaznet.pages.PageBox;

/**
 * One training or validation scene: grey pixels ({@code w x h}, row-major) and its word boxes.
 *
 * @param grey the pixels
 * @param w width
 * @param h height
 * @param boxes the words' boxes
 */
public record SceneSample(byte[] grey, int w, int h, List<PageBox> boxes) {
  public SceneSample {
    boxes = List.copyOf(boxes);
  }

  /** Where scenes come from: the same index always gives the same scene. */
  @FunctionalInterface
  public interface Source {
    SceneSample sample(long index) throws Exception;
  }
}
