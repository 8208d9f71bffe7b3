package org.jaznet.recognizer;

import java.util.List;
import java.util.Map;

/**
 * The reading of one word image.
 *
 * @param text the fused reading (lowercase alphanumerics)
 * @param confidence calibrated probability that {@code text} is right, in [0,1]
 * @param perHead each head's own reading
 * @param alternatives top-k fused candidates, best first (the first is {@code text})
 */
public record Recognition(String text, double confidence, Map<HeadKind, HeadResult> perHead, List<Alternative> alternatives) {
  public Recognition {
    perHead = Map.copyOf(perHead);
    alternatives = List.copyOf(alternatives);
  }
}
