package org.jaznet.recognizer.eval;

import org.jaznet.recognizer.head.CharCodec;

/**
 * The standard word-recognition protocol: lowercase both the prediction and the label, drop every
 * character outside [0-9a-z], then compare exactly. {@link #matchesCased} and {@link #matchesFull} are the
 * stricter protocols of a reader with case and punctuation: [A-Za-z0-9] kept, exact; and everything but
 * white space kept, exact.
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

  /** How reports name the case-sensitive protocol. */
  public static final String CASED_DESCRIPTION = "only [A-Za-z0-9] kept, exact match";
  /** How reports name the full protocol. */
  public static final String FULL_DESCRIPTION = "every character but white space kept, exact match";

  /** The case-sensitive protocol's form: only A-Z, a-z and 0-9 kept. */
  public static String normaliseCased(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The full protocol's form: white space removed. */
  public static String normaliseFull(String s) {
    return s == null ? "" : s.replaceAll("\\s+", "");
  }

  /** True when the prediction reads the label with its case ([A-Za-z0-9] kept, exact). */
  public static boolean matchesCased(String prediction, String label) {
    String l = normaliseCased(label);
    return !l.isEmpty() && l.equals(normaliseCased(prediction));
  }

  /** True when the prediction reads the label exactly, punctuation included (white space ignored). */
  public static boolean matchesFull(String prediction, String label) {
    String l = normaliseFull(label);
    return !l.isEmpty() && l.equals(normaliseFull(prediction));
  }
}
