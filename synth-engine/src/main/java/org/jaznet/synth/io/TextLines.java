package org.jaznet.synth.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Lazy strict-UTF-8 line reading whose errors name the file and line. */
final class TextLines {
  private TextLines() {}

  /** The lines of {@code file} (without terminators); close the stream. */
  static Stream<String> read(Path file) throws IOException {
    BufferedReader r;
    try {
      r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Iterator<String> it = new Iterator<>() {
      long lineNo;
      String next;
      boolean done;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          try {
            next = r.readLine();
          } catch (IOException e) {
            throw new UncheckedIOException(new IOException(
                "cannot read " + file + " after line " + lineNo + ": " + e.getMessage(), e));
          }
          if (next == null) {
            done = true;
          } else {
            lineNo++;
          }
        }
        return next != null;
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        String s = next;
        next = null;
        return s;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
        .onClose(() -> {
          try {
            r.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
