package org.jaznet.pages.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jaznet.pages.PageBox;

/**
 * The ground truth of one page image: its word boxes and texts, as given by one line of
 * {@code words.jsonl}.
 *
 * @param image the image file name exactly as written in {@code words.jsonl}
 * @param imagePath the resolved image file, {@code DIR/images/<image>}
 * @param words the annotated words, in file order
 */
public record GroundTruth(String image, Path imagePath, List<Word> words) {
  /** The text that marks a box as unreadable: matched predictions are dropped, the box is not counted. */
  public static final String IGNORE = "###";

  public GroundTruth {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(imagePath, "imagePath");
    words = List.copyOf(words);
  }

  /**
   * One annotated word.
   *
   * @param box where it is, in page pixels
   * @param text its text, case and punctuation as annotated; {@value GroundTruth#IGNORE} = ignore
   */
  public record Word(PageBox box, String text) {
    public Word {
      Objects.requireNonNull(box, "box");
      Objects.requireNonNull(text, "text");
    }

    /** True for an ignore ("###", unreadable) box. */
    public boolean ignore() {
      return IGNORE.equals(text);
    }
  }
}
