package org.jaznet.pages.write;

/**
 * Character hygiene for the writers. XML 1.0 allows only {@code #x9 | #xA | #xD | [#x20-#xD7FF] |
 * [#xE000-#xFFFD] | [#x10000-#x10FFFF]}; anything else (other C0 controls, lone surrogates, U+FFFE,
 * U+FFFF) cannot appear in a document at all, not even as a character reference, so it is removed.
 */
public final class XmlChars {
  private XmlChars() {}

  /** {@code s} without the characters XML 1.0 does not allow; {@code s} itself when it has none. */
  public static String clean(String s) {
    int n = s.length();
    int i = 0;
    while (i < n) {
      int cp = s.codePointAt(i);
      if (!isXmlChar(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    if (i == n) {
      return s;
    }
    StringBuilder b = new StringBuilder(n).append(s, 0, i);
    while (i < n) {
      int cp = s.codePointAt(i);
      if (isXmlChar(cp)) {
        b.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  /**
   * {@link #clean} for an attribute value, with tab, newline and carriage return also turned into
   * spaces: attribute-value normalization makes every XML reader see them as spaces anyway.
   */
  public static String cleanAttribute(String s) {
    String c = clean(s);
    return c.indexOf('\t') < 0 && c.indexOf('\n') < 0 && c.indexOf('\r') < 0
        ? c
        : c.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  /** {@code s} without unpaired surrogates (which no UTF encoding can carry). */
  public static String stripLoneSurrogates(String s) {
    int n = s.length();
    StringBuilder b = null;
    for (int i = 0; i < n; ) {
      int cp = s.codePointAt(i);
      int len = Character.charCount(cp);
      boolean lone = Character.isSurrogate((char) cp) && len == 1;
      if (lone && b == null) {
        b = new StringBuilder(n).append(s, 0, i);
      } else if (!lone && b != null) {
        b.appendCodePoint(cp);
      }
      i += len;
    }
    return b == null ? s : b.toString();
  }

  /** Whether XML 1.0 allows code point {@code cp} in a document. */
  public static boolean isXmlChar(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
