package org.jaznet.recognizer.preprocess;

/** Loads OpenCV's native library once per JVM (loadShared is unsupported on Java 12+). */
final class OpenCvLoader {
  static {
    nu.pattern.OpenCV.loadLocally();
  }

  private OpenCvLoader() {}

  static void ensure() {
    // The static initialiser does the work once.
  }
}
