package org.jaznet.synth.canvas;

import org.opencv.core.Core;

/** Loads OpenCV's native library once per JVM. */
public final class OpenCvNative {
  private static volatile boolean loaded;

  private OpenCvNative() {}

  /**
   * Loads the library if needed. OpenCV's own thread pool is turned off: the engine is called from
   * many threads at once, and nested parallelism on small images only costs time.
   */
  public static void load() {
    if (!loaded) {
      synchronized (OpenCvNative.class) {
        if (!loaded) {
          nu.pattern.OpenCV.loadLocally();
          Core.setNumThreads(1);
          loaded = true;
        }
      }
    }
  }
}
