package org.jaznet.pages.detect;

/** Which word detector reads a page ({@code --detector}). */
public enum DetectorKind {
  /** {@link DocDetector}: binarisation, connected components, lines and words; for scans and rendered documents. */
  DOC,
  /** The fully-convolutional scene text detector; for photographs. */
  SCENE,
  /** Chooses {@link #DOC} or {@link #SCENE} per page (see {@link AutoDetector}). */
  AUTO
}
