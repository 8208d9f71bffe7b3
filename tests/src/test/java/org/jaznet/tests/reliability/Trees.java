package org.jaznet.tests.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** File trees as {relative path: SHA-256}, for byte-identity checks. */
final class Trees {
  private Trees() {}

  static Map<String, String> hashes(Path root, Predicate<String> include) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        String rel = root.relativize(p).toString();
        if (include.test(rel)) {
          out.put(rel, ModelZips.sha256(Files.readAllBytes(p)));
        }
      }
    }
    return out;
  }

  static long count(Path root, String suffix) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).count();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0; // the tree changes under a running child; the caller polls again
    }
  }
}
