package org.jaznet.pipeline.batch;

import java.io.Serializable;

/**
 * Which model reads the words.
 *
 * @param path a model file, or null for the default model in {@code models/}
 */
public record ModelSpec(String path) implements Serializable {
  private static final long serialVersionUID = 1L;

  public static ModelSpec defaultModel() {
    return new ModelSpec(null);
  }

  public static ModelSpec file(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("model path must not be blank");
    }
    return new ModelSpec(path);
  }

  String key() {
    return path == null ? "<default>" : java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
  }
}
