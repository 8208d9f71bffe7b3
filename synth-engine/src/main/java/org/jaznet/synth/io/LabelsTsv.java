package org.jaznet.synth.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * {@code labels.tsv}: UTF-8, no header, one image a line, {@code path<TAB>word}.
 *
 * <p>Escaping rule for the word: backslash, tab, line feed and carriage return are written as
 * {@code \\}, {@code \t}, {@code \n}, {@code \r}; the reader undoes exactly these four and keeps any other
 * backslash as it is (so foreign files with a lone backslash read unchanged). Paths never contain tab or
 * newline ({@link DatasetEntry} refuses them). The reader splits at the first tab, skips blank lines,
 * drops a trailing CR and names the file and line of anything malformed.
 */
public final class LabelsTsv {
  /** The usual file name. */
  public static final String FILE_NAME = "labels.tsv";

  private LabelsTsv() {}

  /** Writes the entries atomically, in iteration order. */
  public static void write(Path file, Iterator<DatasetEntry> entries) throws IOException {
    AtomicFiles.writeText(file, w -> {
      while (entries.hasNext()) {
        DatasetEntry e = entries.next();
        w.write(e.path());
        w.write('\t');
        w.write(escape(e.label()));
        w.write('\n');
      }
    });
  }

  /** The line written for one entry, without the newline. */
  public static String line(DatasetEntry e) {
    return e.path() + "\t" + escape(e.label());
  }

  /**
   * Reads the entries lazily (lexicon index -1). Close the stream.
   *
   * @throws IOException naming the file if it cannot be opened; malformed lines or bad UTF-8 surface
   *     while streaming as {@link UncheckedIOException} naming the file and line
   */
  public static Stream<DatasetEntry> read(Path file) throws IOException {
    long[] lineNo = {0};
    return TextLines.read(file).map(line -> {
      lineNo[0]++;
      return parse(file, lineNo[0], line);
    }).filter(e -> e != null);
  }

  static DatasetEntry parse(Path file, long lineNo, String line) {
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isBlank()) {
      return null;
    }
    if (lineNo == 1 && line.charAt(0) == '\uFEFF') {
      line = line.substring(1);
    }
    int tab = line.indexOf('\t');
    if (tab <= 0) {
      throw new UncheckedIOException(new IOException(
          file + " line " + lineNo + ": expected 'path<TAB>word', got '" + abbreviate(line) + "'"));
    }
    return new DatasetEntry(line.substring(0, tab), unescape(line.substring(tab + 1)), -1);
  }

  /** Applies the escaping rule of the class comment. */
  public static String escape(String word) {
    if (word.indexOf('\\') < 0 && word.indexOf('\t') < 0 && word.indexOf('\n') < 0 && word.indexOf('\r') < 0) {
      return word;
    }
    StringBuilder sb = new StringBuilder(word.length() + 4);
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Inverse of {@link #escape}. */
  public static String unescape(String field) {
    if (field.indexOf('\\') < 0) {
      return field;
    }
    StringBuilder sb = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      char n = i + 1 < field.length() ? field.charAt(i + 1) : 0;
      if (c == '\\' && (n == '\\' || n == 't' || n == 'n' || n == 'r')) {
        sb.append(switch (n) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> '\\';
        });
        i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }
}
