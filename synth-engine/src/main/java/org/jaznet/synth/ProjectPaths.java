package org.jaznet.synth;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the project's data folders ({@code fonts/}, {@code dictionaries/}, {@code backgrounds/},
 * {@code models/}) whether jaznet runs from the launcher, from a module's tests or from another
 * directory: the system property {@code jaznet.home} wins, else the nearest ancestor of the working
 * directory that holds {@code fonts/FONTS.md}.
 */
public final class ProjectPaths {
  private ProjectPaths() {}

  /** The project root, or the working directory if none is found. */
  public static Path home() {
    String prop = System.getProperty("jaznet.home");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("fonts").resolve("FONTS.md"))) {
        return p;
      }
    }
    return dir;
  }

  public static Path fonts() {
    return home().resolve("fonts");
  }

  public static Path backgrounds() {
    return home().resolve("backgrounds");
  }

  public static Path defaultDictionary() {
    return home().resolve("dictionaries").resolve("en-90k.txt");
  }
}
