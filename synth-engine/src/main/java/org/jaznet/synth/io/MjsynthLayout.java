package org.jaznet.synth.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MJSynth's directory layout: sample {@code i} (0-based) is the file {@code a/b/n_WORD_idx.jpg} with
 * {@code a = 1 + i / 10000}, {@code b = 1 + (i / 1000) % 10}, {@code n = 1 + i % 1000}: 1000 images per
 * leaf folder, as MJSynth, ten leaves per top folder. {@code WORD} is the word as rendered and {@code idx}
 * its 0-based line in {@code lexicon.txt}.
 *
 * <p>File-name rule for words: every character is kept except those that break file names or
 * MJSynth's space-separated {@code annotation.txt}: control characters (U+0000-U+001F, U+007F-U+009F,
 * so NUL, tab and newlines), space, {@code / \ % : * ? " < > |}. Each of those is written as
 * {@code %XX} per UTF-8 byte (upper-case hex), like a URL. A leading dot needs no rule: the name
 * always starts with {@code n_}. The encoded word is cut to at most {@value #MAX_WORD_BYTES} UTF-8 bytes
 * (at a character boundary) so names stay within the usual 255-byte limit; {@code labels.tsv} always
 * keeps the true word, and readers prefer it. Real MJSynth names never contain {@code %}, so decoding
 * them is the identity.
 */
public final class MjsynthLayout {
  /** Images per leaf folder. */
  public static final int FOLDER_SIZE = 1000;
  /** Leaf folders per top folder. */
  public static final int LEAVES = 10;
  /** Longest encoded word kept in a file name, in UTF-8 bytes. */
  public static final int MAX_WORD_BYTES = 200;

  private static final String UNSAFE = "/\\%:*?\"<>| ";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private MjsynthLayout() {}

  /** The parts of an MJSynth file name {@code n_WORD_idx.jpg}. */
  public record ParsedName(long number, String word, int lexiconIndex) {}

  /** {@code a/b} for sample {@code index}. */
  public static String folderOf(long index) {
    checkIndex(index);
    return (1 + index / (FOLDER_SIZE * (long) LEAVES)) + "/" + (1 + (index / FOLDER_SIZE) % LEAVES);
  }

  /** {@code a/b/n_WORD_idx.jpg} for sample {@code index}. */
  public static String imagePath(long index, String word, int lexiconIndex) {
    return imagePath(index, word, lexiconIndex, "jpg");
  }

  /** {@code a/b/n_WORD_idx.EXT} for sample {@code index} ({@code png} for lossless images). */
  public static String imagePath(long index, String word, int lexiconIndex, String extension) {
    return folderOf(index) + "/" + (1 + index % FOLDER_SIZE) + "_" + encodeWord(word) + "_" + lexiconIndex + "."
        + checkExtension(extension);
  }

  /** {@code images/a/b/n.jpg}: the word-free name used by the labels.tsv-only format. */
  public static String plainImagePath(long index) {
    return plainImagePath(index, "jpg");
  }

  /** {@code images/a/b/n.EXT}: the word-free name used by the labels.tsv-only format. */
  public static String plainImagePath(long index, String extension) {
    return "images/" + folderOf(index) + "/" + (1 + index % FOLDER_SIZE) + "." + checkExtension(extension);
  }

  private static String checkExtension(String extension) {
    if (!extension.equals("jpg") && !extension.equals("png")) {
      throw new IllegalArgumentException("image extension must be jpg or png, got '" + extension + "'");
    }
    return extension;
  }

  /** The word as it appears in a file name (see the class comment for the rule). */
  public static String encodeWord(String word) {
    StringBuilder sb = new StringBuilder(word.length() + 8);
    int bytes = 0;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      int n = Character.charCount(cp);
      String piece;
      if (unsafe(cp)) {
        StringBuilder enc = new StringBuilder();
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          enc.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        piece = enc.toString();
      } else {
        piece = word.substring(i, i + n);
      }
      int pieceBytes = piece.getBytes(StandardCharsets.UTF_8).length;
      if (bytes + pieceBytes > MAX_WORD_BYTES) {
        break;
      }
      sb.append(piece);
      bytes += pieceBytes;
      i += n;
    }
    return sb.toString();
  }

  /** Inverse of {@link #encodeWord} (for words short enough not to be cut); malformed escapes stay as they are. */
  public static String decodeWord(String encoded) {
    if (encoded.indexOf('%') < 0) {
      return encoded;
    }
    StringBuilder out = new StringBuilder(encoded.length());
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); ) {
      char c = encoded.charAt(i);
      int hi = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
      int lo = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 2), 16) : -1;
      if (c == '%' && hi >= 0 && lo >= 0) {
        pending.write(hi * 16 + lo);
        i += 3;
      } else {
        flush(pending, out);
        out.append(c);
        i++;
      }
    }
    flush(pending, out);
    return out.toString();
  }

  /**
   * Splits {@code n_WORD_idx.jpg} (the word may itself contain underscores).
   *
   * @throws IllegalArgumentException naming the file if it does not have that shape
   */
  public static ParsedName parseFileName(String fileName) {
    int slash = fileName.lastIndexOf('/');
    String name = slash >= 0 ? fileName.substring(slash + 1) : fileName;
    int dot = name.lastIndexOf('.');
    int first = name.indexOf('_');
    int last = name.lastIndexOf('_');
    if (dot < 0 || first <= 0 || last <= first || last >= dot) {
      throw new IllegalArgumentException("not an MJSynth file name (n_WORD_idx.jpg): " + fileName);
    }
    try {
      long number = Long.parseLong(name.substring(0, first));
      int idx = Integer.parseInt(name.substring(last + 1, dot));
      return new ParsedName(number, decodeWord(name.substring(first + 1, last)), idx);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not an MJSynth file name (n_WORD_idx.jpg): " + fileName, e);
    }
  }

  private static boolean unsafe(int cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || UNSAFE.indexOf(cp) >= 0;
  }

  private static void flush(ByteArrayOutputStream pending, StringBuilder out) {
    if (pending.size() > 0) {
      out.append(new String(pending.toByteArray(), StandardCharsets.UTF_8));
      pending.reset();
    }
  }

  private static void checkIndex(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("sample index must be >= 0, got " + index);
    }
  }
}
