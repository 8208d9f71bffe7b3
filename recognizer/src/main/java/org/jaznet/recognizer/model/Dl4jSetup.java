package org.jaznet.recognizer.model;

/**
 * Turns on DL4J's oneDNN helpers before any layer is built.
 *
 * <p>DL4J 1.0.0-M2.1 reads {@code org.eclipse.deeplearning4j.helpers.disable} (default true) when a
 * convolution layer is instantiated; left alone, convolutions run on slow built-in ops (8-12x slower
 * here). A value the caller set explicitly is respected. {@code OMP_WAIT_POLICY=PASSIVE} cannot be set
 * from Java: the launcher and surefire set it in the environment.
 */
public final class Dl4jSetup {
  /** The DL4J system property that disables the oneDNN helpers when true. */
  public static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

  static {
    if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
      System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
    }
  }

  private Dl4jSetup() {}

  /** Runs the static initialiser (idempotent); call before touching ND4J or DL4J classes. */
  public static void ensure() {
    // The work happens in the static initialiser, exactly once per class loader.
  }
}
