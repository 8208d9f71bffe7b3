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
 * @param grey row-major 8-bit grey pixels, {@code width * height} long, as decoded from {@link #jpeg} (for
 *     a colour image its luma, as a grey decoder reads it)
 * @param jpeg the encoded image file bytes (what writers store; never re-encoded): a JPEG, or a PNG for
 *     the lossless document recipe ({@link #fileExtension}); grey, or 3-channel when the config asks for
 *     colour
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

  /** {@code "png"} if {@link #jpeg} holds a PNG file, else {@code "jpg"}. */
  public String fileExtension() {
    return jpeg.length > 4 && (jpeg[0] & 0xFF) == 0x89 && jpeg[1] == 'P' && jpeg[2] == 'N' && jpeg[3] == 'G'
        ? "png" : "jpg";
  }
}
