package org.jaznet.synth.font;

import java.awt.Font;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Objects;

/**
 * One loaded face.
 *
 * @param file where it was loaded from
 * @param family family name as the font declares it
 * @param bold whether the face itself is bold
 * @param italic whether the face itself is italic or oblique
 * @param font the face at size 1 (derive sizes from it)
 * @param latin which characters below U+0250 the face has glyphs for
 */
public record FontFace(Path file, String family, boolean bold, boolean italic, Font font, BitSet latin) {
  /** Characters below this are looked up in {@link #latin}, precomputed at load time (the hot path). */
  static final int LATIN_END = 0x250;

  public FontFace {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(font, "font");
    latin = (BitSet) latin.clone();
  }

  /** A face whose Latin coverage is computed from the font. */
  public static FontFace of(Path file, String family, boolean bold, boolean italic, Font font) {
    BitSet latin = new BitSet(LATIN_END);
    java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
    Font big = font.deriveFont(40f);
    for (int ch = 0; ch < LATIN_END; ch++) {
      // a face may map a printable ASCII character to an empty glyph (fonts-dustin's "It wasn't me" has an
      // inkless '['): such a character counts as missing, so another face draws it
      if (font.canDisplay(ch) && (ch <= ' ' || ch > '~' || hasInk(big, frc, (char) ch))) {
        latin.set(ch);
      }
    }
    return new FontFace(file, family, bold, italic, font, latin);
  }

  private static boolean hasInk(Font font, java.awt.font.FontRenderContext frc, char ch) {
    return !font.createGlyphVector(frc, String.valueOf(ch)).getOutline().getBounds2D().isEmpty();
  }

  @Override
  public BitSet latin() {
    return (BitSet) latin.clone();
  }

  /** True if the face has a glyph for every character of {@code text}. */
  public boolean covers(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch < LATIN_END ? !latin.get(ch) : !font.canDisplay(ch)) {
        return false;
      }
    }
    return true;
  }
}
