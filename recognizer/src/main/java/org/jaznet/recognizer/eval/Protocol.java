package org.jaznet.recognizer.eval;

import org.jaznet.recognizer.head.CharCodec;

/**
 * The standard word-recognition protocol: lowercase both the prediction and the label, drop every
 * character outside [0-9a-z], then compare exactly.
 */
public final class Protocol {
  /** How reports name it. */
  public static final String DESCRIPTION = "lowercase, only [0-9a-z] kept, exact match";

  private Protocol() {}

  public static String normalise(String s) {
    return s == null ? "" : CharCodec.normalise(s);
  }

  /** True when the prediction reads the label under the protocol (an empty label never matches). */
  public static boolean matches(String prediction, String label) {
    String l = normalise(label);
    return !l.isEmpty() && l.equals(normalise(prediction));
  }
}
