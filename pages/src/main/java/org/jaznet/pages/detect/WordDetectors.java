package org.jaznet.pages.detect;

/** Creates the word detector {@code --detector} names. */
public final class WordDetectors {
  private WordDetectors() {}

  public static WordDetector create(DetectorKind kind) {
    return switch (kind) {
      case DOC, AUTO -> new DocDetector();
      case SCENE -> throw new IllegalArgumentException("the scene detector is not available in this build");
    };
  }
}
