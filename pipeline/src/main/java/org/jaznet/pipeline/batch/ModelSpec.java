package org.jaznet.pipeline.batch;

import java.io.Serializable;

/**
 * Which model reads the words, and which of its heads.
 *
 * @param path a model file, or null for the default model in {@code models/}
 * @param heads the heads read (default {@link HeadSelection#all()}; the batch command's default is
 *     {@link HeadSelection#fast()}, see {@link BatchOptions#getHeads})
 * @param languageModel whether the fused reading uses the recognizer's character language model (its
 *     default; false: the heads alone, see {@link org.jaznet.recognizer.Recognizer#withLanguageModel})
 */
public record ModelSpec(String path, HeadSelection heads, boolean languageModel) implements Serializable {
  private static final long serialVersionUID = 3L;

  public ModelSpec {
    heads = heads == null ? HeadSelection.all() : heads;
  }

  /** A spec with the language model on. */
  public ModelSpec(String path, HeadSelection heads) {
    this(path, heads, true);
  }

  public static ModelSpec defaultModel() {
    return new ModelSpec(null, HeadSelection.all());
  }

  public static ModelSpec file(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("model path must not be blank");
    }
    return new ModelSpec(path, HeadSelection.all());
  }

  /** This model, reading {@code h}. */
  public ModelSpec withHeads(HeadSelection h) {
    return new ModelSpec(path, java.util.Objects.requireNonNull(h, "heads"), languageModel);
  }

  /** This model, with the language model on or off. */
  public ModelSpec withLanguageModel(boolean on) {
    return new ModelSpec(path, heads, on);
  }

  /** The loaded model's key: its file (neither the head selection nor the LM switch loads another copy). */
  String key() {
    return path == null ? "<default>" : java.nio.file.Path.of(path).toAbsolutePath().normalize().toString();
  }
}
