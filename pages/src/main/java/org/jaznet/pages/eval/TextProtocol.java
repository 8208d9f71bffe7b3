package org.jaznet.pages.eval;

import java.util.Locale;

/**
 * How a predicted text is compared with the ground truth in end-to-end scoring.
 *
 * <ul>
 *   <li>{@link #STANDARD}: lowercase, keep only {@code [0-9a-z]}, compare exactly (the usual word
 *       recognition protocol). A ground-truth word that becomes empty (pure punctuation such as
 *       {@code ":"} or {@code "/"}) is treated as an ignore box for end-to-end scoring.
 *   <li>{@link #CASED} ({@code e2e_cased}): trim, strip leading and trailing punctuation / symbols (every
 *       character that is not a letter or digit) from both texts, keep inner characters as they are
 *       ({@code "Harper,"} -> {@code "Harper"}, {@code "9/3/92"} unchanged), compare case-sensitively. A
 *       ground-truth word that becomes empty is treated as ignore, as above.
 * </ul>
 *
 * <p>Under either protocol a prediction whose normalised text is empty and that is not paired with a
 * ground-truth box is dropped rather than counted as a false positive: it is no word under that
 * protocol, just as the equivalent ground truth is none. A prediction paired with a counted ground-truth
 * word is always counted, so an empty reading of a real word is a false positive and a miss.
 */
public enum TextProtocol {
  STANDARD {
    @Override
    public String normalise(String s) {
      String lower = s.toLowerCase(Locale.ROOT);
      StringBuilder b = new StringBuilder(lower.length());
      for (int i = 0; i < lower.length(); i++) {
        char c = lower.charAt(i);
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
          b.append(c);
        }
      }
      return b.toString();
    }
  },
  CASED {
    @Override
    public String normalise(String s) {
      String t = s.strip();
      int a = 0;
      int e = t.length();
      while (a < e && !Character.isLetterOrDigit(t.codePointAt(a))) {
        a += Character.charCount(t.codePointAt(a));
      }
      while (e > a && !Character.isLetterOrDigit(t.codePointBefore(e))) {
        e -= Character.charCount(t.codePointBefore(e));
      }
      return t.substring(a, e);
    }
  };

  /** The text as compared under this protocol; empty means "no word". */
  public abstract String normalise(String s);

  /** True when both texts agree under this protocol and are not empty. */
  public boolean agree(String predicted, String truth) {
    String g = normalise(truth);
    return !g.isEmpty() && g.equals(normalise(predicted));
  }
}
