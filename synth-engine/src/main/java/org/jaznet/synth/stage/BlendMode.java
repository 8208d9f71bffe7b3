package org.jaznet.synth.stage;

/** How a photo pixel {@code p} combines with a layer pixel {@code c} (both 0..255). */
public enum BlendMode {
  NORMAL, ADD, MULTIPLY, SCREEN, MAX;

  int blend(int c, int p) {
    return switch (this) {
      case NORMAL -> p;
      case ADD -> Math.min(255, c + p);
      case MULTIPLY -> c * p / 255;
      case SCREEN -> 255 - (255 - c) * (255 - p) / 255;
      case MAX -> Math.max(c, p);
    };
  }
}
