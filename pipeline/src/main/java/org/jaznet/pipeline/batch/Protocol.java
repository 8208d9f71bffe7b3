package org.jaznet.pipeline.batch;

import java.util.Locale;

/** The standard word-accuracy protocol: lowercase, only [0-9a-z] kept, exact match. */
public final class Protocol {
  public static final String DESCRIPTION = "lowercase, only [0-9a-z] kept, exact match";

  private Protocol() {}

  public static String normalize(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  public static boolean matches(String reading, String label) {
    return normalize(reading).equals(normalize(label));
  }
}
