package org.jaznet.pipeline.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses, before a pipeline starts, an {@code --input} that names no input at all: a glob matching no
 * regular file (or whose base folder does not exist), a missing file, archive or manifest, or a manifest
 * without a single line that names an image. Inputs that exist but cannot be read are not refused here:
 * they become failure records of the run.
 */
public final class InputCheck {
  private InputCheck() {}

  /** @throws IllegalArgumentException {@code no input matches '<spec>'}, with the reason */
  public static void requireSomeInput(InputSpec spec) {
    String why = whyNoInput(spec);
    if (why != null) {
      throw new IllegalArgumentException("no input matches '" + spec.spec() + "' (" + why + ")");
    }
  }

  /** Why the spec names no input, or null if it names at least one. */
  static String whyNoInput(InputSpec spec) {
    try {
      switch (spec.kind()) {
        case GLOB -> {
          return GlobLister.anyMatch(spec.spec()) ? null : "no regular file matches it";
        }
        case ARCHIVE -> {
          return Files.exists(Path.of(spec.spec())) ? null : "the archive does not exist";
        }
        case MANIFEST_CSV, MANIFEST_JSONL -> {
          Path m = Path.of(spec.spec());
          if (!Files.isRegularFile(m)) {
            return Files.exists(m) ? "the manifest is not a regular file" : "the manifest does not exist";
          }
          boolean csv = spec.kind() == InputKind.MANIFEST_CSV;
          try (BufferedReader r = Files.newBufferedReader(m, StandardCharsets.UTF_8)) {
            boolean first = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
              if (!ManifestParser.isIgnorable(line, csv, first)) {
                return null;
              }
              first = false;
            }
          }
          return "the manifest lists no image";
        }
        default -> {
          return null;
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      return e.getMessage();
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("is a directory")) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      // unreadable (permissions, bad encoding...): left to the run, which reports it as a failure record
      return null;
    }
  }
}
