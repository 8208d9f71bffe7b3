package org.jaznet.synth;

import java.util.List;

/**
 * One rendered word image, fully determined by (run seed, index).
 *
 * @param index sample index within the run (0-based)
 * @param text the word exactly as rendered (case kept)
 * @param lexiconIndex 0-based line of the run's lexicon holding {@code text.toLowerCase()}, or -1
 *     for random strings that are not in the lexicon
 * @param width image width in pixels
 * @param height image height in pixels (32 for the default chain)
 * @param grey row-major 8-bit grey pixels, {@code width * height} long, as decoded from {@link #jpeg}
 * @param jpeg the encoded JPEG file bytes (what writers store; never re-encoded)
 * @param charBoxes one box per character of {@code text}, in output pixel coordinates
 */
public record SynthSample(
    long index, String text, int lexiconIndex, int width, int height, byte[] grey, byte[] jpeg,
    List<CharBox> charBoxes) {
  public SynthSample {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
    }
    if (grey.length != width * height) {
      throw new IllegalArgumentException("grey has " + grey.length + " bytes, expected " + width * height);
    }
    charBoxes = List.copyOf(charBoxes);
  }
}
