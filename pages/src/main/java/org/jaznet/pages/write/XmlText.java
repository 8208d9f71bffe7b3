package org.jaznet.pages.write;

/** Text made safe for XML 1.0: characters XML cannot hold at all are dropped (escaping is the writer's). */
final class XmlText {
  private XmlText() {}

  /**
   * {@code s} without the code points XML 1.0 forbids: C0 controls other than tab, newline and
   * carriage return, lone surrogates, U+FFFE and U+FFFF.
   */
  static String clean(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      int width = 1;
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        ok = true;
        width = 2;
      } else {
        ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      }
      if (!ok && sb == null) {
        sb = new StringBuilder(s.length());
        sb.append(s, 0, i);
      }
      if (sb != null && ok) {
        sb.append(s, i, i + width);
      }
      i += width - 1;
    }
    return sb == null ? s : sb.toString();
  }

  /** As {@link #clean}, and line breaks and tabs become spaces (for attribute values and word texts). */
  static String oneLine(String s) {
    return clean(s).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
