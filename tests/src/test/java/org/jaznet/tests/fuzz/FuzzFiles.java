package org.jaznet.tests.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scratch files for targets whose parser takes a path: one folder per JVM, reused across executions. */
final class FuzzFiles {
  private static final Path DIR = create();

  private FuzzFiles() {}

  private static Path create() {
    try {
      Path d = Files.createTempDirectory("jaznet-fuzz-");
      d.toFile().deleteOnExit();
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code bytes} to {@code name} in the scratch folder (overwriting) and returns its path. */
  static Path write(String name, byte[] bytes) {
    Path p = DIR.resolve(name);
    try {
      Files.write(p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("fuzz scratch file " + p + " cannot be written", e);
    }
    return p;
  }

  /** A fresh, empty subfolder of the scratch folder. */
  static Path folder(String name) {
    Path d = DIR.resolve(name);
    try {
      if (Files.isDirectory(d)) {
        try (var s = Files.list(d)) {
          for (Path p : (Iterable<Path>) s::iterator) {
            Files.delete(p);
          }
        }
      }
      return Files.createDirectories(d);
    } catch (IOException e) {
      throw new UncheckedIOException("fuzz scratch folder " + d + " cannot be made", e);
    }
  }
}
