package org.jaznet.synth.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jaznet.synth.ProjectPaths;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.SynthException;

/** A small real engine and a byte-level view of output trees, shared by the run tests. */
final class RunFixtures {
  /** Words including ones that break file names (slash, backslash, tab, percent, spaces, leading dot). */
  static final List<String> WORDS = List.of("slinking", "REMODELERS", "chronographs", "and/or", "back\\slash",
      "tab\tinside", "100%", "two words", ".hidden", "naïve", "under_score", "x", "impeaching", "quiz");

  private RunFixtures() {}

  static Path dictionary(Path dir) throws IOException {
    Path f = dir.resolve("dict.txt");
    Files.write(f, WORDS);
    return f;
  }

  /**
   * The real engine over the test dictionary, with three of the project's fonts and four of its
   * photographs (copied next to the dictionary once): loading all of them takes seconds per engine.
   */
  static SynthEngine engine(Path dictionary, long seed) throws SynthException {
    Path dir = dictionary.getParent();
    try {
      copySome(ProjectPaths.fonts(), dir.resolve("fonts"), 3, ".ttf");
      copySome(ProjectPaths.backgrounds(), dir.resolve("backgrounds"), 4, ".jpg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SynthEngine.create(SynthConfig.defaults(seed).withDictionary(dictionary).withRandomStringRatio(0.3)
        .withFontsDir(dir.resolve("fonts")).withBackgroundsDir(dir.resolve("backgrounds")));
  }

  private static void copySome(Path from, Path to, int n, String suffix) throws IOException {
    if (Files.isDirectory(to)) {
      return;
    }
    Files.createDirectories(to);
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : s.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().limit(n).toList()) {
        Files.copy(p, to.resolve(p.getFileName()));
      }
    }
  }

  /** Asserts both trees hold the same files with the same bytes (names the differing files, not the bytes). */
  static void assertSameFiles(Path actual, Path expected) throws IOException {
    Map<String, byte[]> want = tree(expected);
    Map<String, byte[]> got = tree(actual);
    org.assertj.core.api.Assertions.assertThat(got.keySet()).isEqualTo(want.keySet());
    List<String> differ = want.keySet().stream().filter(k -> !java.util.Arrays.equals(want.get(k), got.get(k))).toList();
    org.assertj.core.api.Assertions.assertThat(differ).as("files whose bytes differ").isEmpty();
  }

  /** Relative path -> bytes of every file under {@code dir} (LMDB's lock.mdb excluded: it holds reader slots). */
  static Map<String, byte[]> tree(Path dir) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("lock.mdb")).forEach(p -> {
        try {
          m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return m;
  }
}
