package org.jaznet.pipeline.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Expands a file glob ({@code archive/**}{@code /*.{png,jpg}}) to regular files, streaming (never a
 * list of all matches). {@code **}{@code /} also matches zero directories. Directories are never inputs.
 */
public final class GlobLister {
  private GlobLister() {}

  /** Calls {@code sink} with every regular file the glob matches, in walk order; returns the count. */
  public static long list(String glob, Consumer<Path> sink) throws IOException {
    long[] n = {0};
    walk(glob, p -> {
      sink.accept(p);
      n[0]++;
      return true;
    });
    return n[0];
  }

  /**
   * Whether the glob matches at least one regular file; stops at the first. Throws, as {@link #list}
   * does, a {@link NoSuchFileException} (message: what is missing) when a plain path or the glob's base
   * directory does not exist, and an IOException for a plain path naming a directory.
   */
  public static boolean anyMatch(String glob) throws IOException {
    boolean[] found = {false};
    walk(glob, p -> {
      found[0] = true;
      return false;
    });
    return found[0];
  }

  /** Walks the matches in order while {@code sink} returns true. */
  private static void walk(String glob, Predicate<Path> sink) throws IOException {
    String g = glob.replace('\\', '/');
    int firstMeta = indexOfMeta(g);
    if (firstMeta < 0) {
      Path p = Path.of(glob).toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        throw new IOException("input " + glob + " is a directory, not a file or glob (try '" + glob + "/**/*.png')");
      }
      if (!Files.exists(p)) {
        throw new NoSuchFileException(null, null, "input file " + glob + " does not exist");
      }
      sink.test(p);
      return;
    }
    int cut = g.lastIndexOf('/', firstMeta);
    Path base = (cut < 0 ? Path.of("") : Path.of(cut == 0 ? "/" : g.substring(0, cut))).toAbsolutePath().normalize();
    String pattern = cut < 0 ? g : g.substring(cut + 1);
    if (!Files.isDirectory(base)) {
      throw new NoSuchFileException(null, null, "glob " + glob + ": base directory " + base + " does not exist");
    }
    PathMatcher full = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    PathMatcher flat = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("**/", ""));
    try (Stream<Path> walk = Files.walk(base)) {
      Iterator<Path> it = walk.iterator();
      while (it.hasNext()) {
        Path p = it.next();
        if (p.equals(base) || Files.isDirectory(p)) {
          continue;
        }
        Path rel = base.relativize(p);
        if ((full.matches(rel) || flat.matches(rel)) && !sink.test(p)) {
          return;
        }
      }
    } catch (UncheckedIOException e) {
      throw new IOException("glob " + glob + ": cannot walk " + base + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static int indexOfMeta(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '{' || c == '[') {
        return i;
      }
    }
    return -1;
  }
}
