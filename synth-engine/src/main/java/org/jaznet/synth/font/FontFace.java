package org.jaznet.synth.font;

import java.awt.Font;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One loaded face.
 *
 * @param file where it was loaded from
 * @param family family name as the font declares it
 * @param bold whether the face itself is bold
 * @param italic whether the face itself is italic or oblique
 * @param font the face at size 1 (derive sizes from it)
 */
public record FontFace(Path file, String family, boolean bold, boolean italic, Font font) {
  public FontFace {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(font, "font");
  }

  /** True if the face has a glyph for every character of {@code text}. */
  public boolean covers(String text) {
    return font.canDisplayUpTo(text) == -1;
  }
}
