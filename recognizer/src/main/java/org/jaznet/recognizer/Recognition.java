package org.jaznet.recognizer;

import java.util.List;
import java.util.Map;

/**
 * The reading of one word image.
 *
 * @param text the fused reading: with case and punctuation for a model whose CTC head reads {@code PRINT} (the
 *     fusion decides the standard-protocol word, the CTC head its case and punctuation), lowercase alphanumerics
 *     for a {@code LOWER} model
 * @param confidence calibrated probability that {@code text} is right, in [0,1]
 * @param perHead each head's own reading
 * @param alternatives top-k fused candidates, best first (the first is {@code text}; the others in the standard
 *     protocol's form)
 */
public record Recognition(String text, double confidence, Map<HeadKind, HeadResult> perHead, List<Alternative> alternatives) {
  public Recognition {
    perHead = Map.copyOf(perHead);
    alternatives = List.copyOf(alternatives);
  }
}
