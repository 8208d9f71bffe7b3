package org.nd4j.nativeblas;

/**
 * Compatibility shim that lets DL4J 1.0.0-M2.1 use oneDNN.
 *
 * <p>{@code BaseMKLDNNHelper.mklDnnEnabled()} in M2.1 looks this class up by name, but the class moved
 * in the native backend, so without this shim every convolution falls back to DL4J's slow built-in
 * ops (8-12x slower on this CPU, measured). Only the two members the helper reflects on are provided.
 */
public final class Nd4jCpu {
  private Nd4jCpu() {}

  /** Mirrors the native environment singleton's oneDNN switch. */
  public static final class Environment {
    private static final Environment INSTANCE = new Environment();

    private Environment() {}

    public static Environment getInstance() {
      return INSTANCE;
    }

    public boolean isUseMKLDNN() {
      return true;
    }
  }
}
