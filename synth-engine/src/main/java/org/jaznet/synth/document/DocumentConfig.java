package org.jaznet.synth.document;

import java.util.Objects;

/**
 * What a set of synthetic document pages looks like.
 *
 * @param layout the kind of pages
 * @param formShare the share of form pages when {@code layout} is {@link DocumentLayout#MIXED}, in [0, 1]
 * @param boxes the box convention written in words.jsonl
 */
public record DocumentConfig(DocumentLayout layout, double formShare, WordBoxes boxes) {
  /** The share of form pages of a {@link DocumentLayout#MIXED} set unless told otherwise. */
  public static final double DEFAULT_FORM_SHARE = 0.5;

  public DocumentConfig {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(boxes, "boxes");
    if (!(formShare >= 0 && formShare <= 1)) {
      throw new IllegalArgumentException("formShare must be in [0, 1], got " + formShare);
    }
  }

  /** {@code layout} and {@code formShare} with {@link WordBoxes#LINE} boxes. */
  public DocumentConfig(DocumentLayout layout, double formShare) {
    this(layout, formShare, WordBoxes.LINE);
  }

  /** The same pages with boxes in convention {@code boxes}. */
  public DocumentConfig withBoxes(WordBoxes boxes) {
    return new DocumentConfig(layout, formShare, boxes);
  }

  /** Running text only: the pages {@link DocumentSynth#write(java.nio.file.Path, int, long)} always wrote. */
  public static DocumentConfig defaults() {
    return new DocumentConfig(DocumentLayout.TEXT, DEFAULT_FORM_SHARE);
  }

  /** Pages of {@code layout}, with the default form share for {@link DocumentLayout#MIXED}. */
  public static DocumentConfig of(DocumentLayout layout) {
    return new DocumentConfig(layout, DEFAULT_FORM_SHARE);
  }
}
