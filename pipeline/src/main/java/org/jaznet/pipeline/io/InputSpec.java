package org.jaznet.pipeline.io;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code --input} value and what it names. A spec with glob characters is a glob; otherwise the
 * file name decides: {@code .zip/.tar/.tar.gz/.tgz} archives, {@code .csv} and {@code .jsonl} manifests,
 * anything else a single file (a glob matching itself).
 */
public record InputSpec(String spec, InputKind kind) implements Serializable {
  private static final long serialVersionUID = 1L;

  public InputSpec {
    Objects.requireNonNull(kind, "kind");
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("input spec must not be blank");
    }
  }

  public static InputSpec parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("input spec must not be blank");
    }
    String s = spec.strip();
    if (s.chars().anyMatch(c -> c == '*' || c == '?' || c == '{' || c == '[')) {
      return new InputSpec(s, InputKind.GLOB);
    }
    String n = s.toLowerCase(Locale.ROOT);
    if (ArchiveKind.ofName(n).isPresent()) {
      return new InputSpec(s, InputKind.ARCHIVE);
    }
    if (n.endsWith(".csv")) {
      return new InputSpec(s, InputKind.MANIFEST_CSV);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
      return new InputSpec(s, InputKind.MANIFEST_JSONL);
    }
    return new InputSpec(s, InputKind.GLOB);
  }
}
