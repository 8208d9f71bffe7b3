package org.jaznet.pipeline.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Expands a file glob ({@code archive/**}{@code /*.{png,jpg}}) to regular files, streaming (never a
 * list of all matches). {@code **}{@code /} also matches zero directories. Directories are never inputs.
 */
public final class GlobLister {
  private GlobLister() {}

  /** Calls {@code sink} with every regular file the glob matches, in walk order; returns the count. */
  public static long list(String glob, Consumer<Path> sink) throws IOException {
    String g = glob.replace('\\', '/');
    int firstMeta = indexOfMeta(g);
    if (firstMeta < 0) {
      Path p = Path.of(glob).toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        throw new IOException("input " + glob + " is a directory, not a file or glob (try '" + glob + "/**/*.png')");
      }
      if (!Files.exists(p)) {
        throw new IOException("input file " + glob + " does not exist");
      }
      sink.accept(p);
      return 1;
    }
    int cut = g.lastIndexOf('/', firstMeta);
    Path base = (cut < 0 ? Path.of("") : Path.of(cut == 0 ? "/" : g.substring(0, cut))).toAbsolutePath().normalize();
    String pattern = cut < 0 ? g : g.substring(cut + 1);
    if (!Files.isDirectory(base)) {
      throw new IOException("glob " + glob + ": base directory " + base + " does not exist");
    }
    PathMatcher full = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    PathMatcher flat = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("**/", ""));
    long[] n = {0};
    try (Stream<Path> walk = Files.walk(base)) {
      walk.forEach(p -> {
        if (p.equals(base) || Files.isDirectory(p)) {
          return;
        }
        Path rel = base.relativize(p);
        if (full.matches(rel) || flat.matches(rel)) {
          sink.accept(p);
          n[0]++;
        }
      });
    } catch (UncheckedIOException e) {
      throw new IOException("glob " + glob + ": cannot walk " + base + ": " + e.getCause().getMessage(), e.getCause());
    }
    return n[0];
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
