package org.jaznet.synth.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * MJSynth's {@code annotation.txt} ({@code ./a/b/n_WORD_idx.jpg idx}, one image a line) and
 * {@code lexicon.txt} (one word a line; a word's index is its 0-based line).
 */
public final class MjsynthAnnotation {
  /** The annotation file name this project writes (MJSynth also ships {@code annotation_train.txt} etc.). */
  public static final String FILE_NAME = "annotation.txt";
  /** The lexicon file name. */
  public static final String LEXICON_FILE_NAME = "lexicon.txt";

  private MjsynthAnnotation() {}

  /** Writes annotation lines atomically, in iteration order. */
  public static void write(Path file, Iterator<DatasetEntry> entries) throws IOException {
    AtomicFiles.writeText(file, w -> {
      while (entries.hasNext()) {
        DatasetEntry e = entries.next();
        w.write("./");
        w.write(e.path());
        w.write(' ');
        w.write(Integer.toString(e.lexiconIndex()));
        w.write('\n');
      }
    });
  }

  /** Writes a lexicon atomically, one word a line. */
  public static void writeLexicon(Path file, List<String> words) throws IOException {
    AtomicFiles.writeText(file, w -> {
      for (String word : words) {
        w.write(word);
        w.write('\n');
      }
    });
  }

  /**
   * Reads annotation lines lazily; each entry's label is the word decoded from its file name. Close the
   * stream. Malformed lines surface as {@link UncheckedIOException} naming the file and line.
   */
  public static Stream<DatasetEntry> read(Path file) throws IOException {
    long[] lineNo = {0};
    return TextLines.read(file).map(line -> {
      lineNo[0]++;
      return parse(file, lineNo[0], line);
    }).filter(e -> e != null);
  }

  static DatasetEntry parse(Path file, long lineNo, String line) {
    String l = line.strip();
    if (l.isEmpty()) {
      return null;
    }
    int sp = l.lastIndexOf(' ');
    try {
      if (sp <= 0) {
        throw new IllegalArgumentException("expected './path idx'");
      }
      String path = l.substring(0, sp).strip();
      if (path.startsWith("./")) {
        path = path.substring(2);
      }
      int idx = Integer.parseInt(l.substring(sp + 1));
      MjsynthLayout.ParsedName name = MjsynthLayout.parseFileName(path);
      return new DatasetEntry(path, name.word(), idx);
    } catch (IllegalArgumentException e) {
      throw new UncheckedIOException(new IOException(
          file + " line " + lineNo + ": " + e.getMessage() + ", got '" + l + "'", e));
    }
  }
}
