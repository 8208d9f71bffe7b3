package org.jaznet.synth.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.jaznet.synth.io.AtomicFiles;

/**
 * The journal of an unfinished run, in {@code OUT/.jaznet-run/}: {@code run.properties} (the parameters
 * the output depends on, checked on resume) and one file per finished chunk
 * ({@code chunks/000000012.jsonl}, holding the chunk's char-box lines, empty without char boxes).
 * A chunk's journal is written only after all its images are stored, so its presence means "done".
 * The folder is deleted when the run completes.
 */
final class RunState {
  static final String DIR = ".jaznet-run";
  private static final String PARAMS = "run.properties";

  private final Path dir;

  private RunState(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /**
   * Opens (resume) or starts the journal in {@code out}.
   *
   * @throws IOException naming the file if an existing journal was made with other parameters
   */
  static RunState open(Path out, SortedMap<String, String> params) throws IOException {
    Path dir = out.resolve(DIR);
    Path file = dir.resolve(PARAMS);
    StringBuilder sb = new StringBuilder();
    params.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    String wanted = sb.toString();
    if (Files.isRegularFile(file)) {
      String have = Files.readString(file, StandardCharsets.UTF_8);
      if (!have.equals(wanted)) {
        throw new IOException("cannot resume in " + out + ": it was started with other parameters ("
            + firstDifference(have, wanted) + "); see " + file);
      }
    } else {
      AtomicFiles.write(file, wanted.getBytes(StandardCharsets.UTF_8));
    }
    Files.createDirectories(dir.resolve("chunks"));
    return new RunState(dir);
  }

  Path chunkFile(long chunk) {
    return dir.resolve("chunks").resolve(String.format(java.util.Locale.ROOT, "%09d.jsonl", chunk));
  }

  boolean isDone(long chunk) {
    return Files.isRegularFile(chunkFile(chunk));
  }

  void markDone(long chunk, List<String> lines) throws IOException {
    AtomicFiles.writeText(chunkFile(chunk), w -> {
      for (String l : lines) {
        w.write(l);
        w.write('\n');
      }
    });
  }

  /** Copies every chunk's lines, in chunk order, to {@code out}. */
  void concatenate(long chunks, java.io.Writer out) throws IOException {
    for (long c = 0; c < chunks; c++) {
      try (java.io.Reader r = Files.newBufferedReader(chunkFile(c), StandardCharsets.UTF_8)) {
        r.transferTo(out);
      }
    }
  }

  /** Deletes the journal: chunk files first, then the parameters, then the folder. */
  void delete() throws IOException {
    Path chunks = dir.resolve("chunks");
    if (Files.isDirectory(chunks)) {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> s = Files.list(chunks)) {
        s.forEach(files::add);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      for (Path p : files) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(chunks);
    }
    for (String f : List.of("data.mdb", "lock.mdb")) {
      Files.deleteIfExists(dir.resolve("rebuild").resolve(f));
    }
    Files.deleteIfExists(dir.resolve("rebuild"));
    Files.deleteIfExists(dir.resolve(PARAMS));
    Files.deleteIfExists(dir);
  }

  private static String firstDifference(String have, String wanted) {
    String[] a = have.split("\n");
    String[] b = wanted.split("\n");
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (!a[i].equals(b[i])) {
        return "was " + a[i] + ", now " + b[i];
      }
    }
    return "was " + a.length + " settings, now " + b.length;
  }
}
