package org.jaznet.pipeline.batch;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.RecognizerException;

/**
 * Which of a model's heads a batch run reads ({@link Recognizer#reading}).
 *
 * @param kind how the heads are chosen
 * @param listed the heads, for {@link Kind#LISTED} (empty otherwise)
 */
public record HeadSelection(Kind kind, Set<HeadKind> listed) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How the heads are chosen. */
  public enum Kind {
    /** The model's heads that do not search the whole dictionary ({@link Recognizer#fastHeads}): the default. */
    FAST,
    /** Every head of the model. */
    ALL,
    /** The listed heads; the model must have each of them. */
    LISTED
  }

  public HeadSelection {
    if (kind == null) {
      throw new IllegalArgumentException("head selection kind must not be null");
    }
    listed = listed == null || listed.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(listed));
    if (kind == Kind.LISTED && listed.isEmpty()) {
      throw new IllegalArgumentException("no head listed");
    }
    if (kind != Kind.LISTED && !listed.isEmpty()) {
      throw new IllegalArgumentException(kind + " takes no head list");
    }
  }

  public static HeadSelection fast() {
    return new HeadSelection(Kind.FAST, Set.of());
  }

  public static HeadSelection all() {
    return new HeadSelection(Kind.ALL, Set.of());
  }

  public static HeadSelection of(Set<HeadKind> heads) {
    return new HeadSelection(Kind.LISTED, heads);
  }

  /**
   * Parses {@code fast}, {@code all} or a comma-separated list of heads ({@code ctc,char,dict,ngram}),
   * case-insensitive.
   *
   * @throws IllegalArgumentException naming the text and the values it may take
   */
  public static HeadSelection parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("heads must not be blank: use fast, all or a list such as ctc,char,dict,ngram");
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("fast")) {
      return fast();
    }
    if (t.equals("all")) {
      return all();
    }
    EnumSet<HeadKind> heads = EnumSet.noneOf(HeadKind.class);
    for (String part : t.split(",", -1)) {
      String p = part.trim();
      try {
        heads.add(HeadKind.valueOf(p.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("heads '" + text + "': unknown head '" + p + "' (fast, all, or a list of "
            + Arrays.stream(HeadKind.values()).map(h -> h.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + ")", e);
      }
    }
    return of(heads);
  }

  /** {@code recognizer} narrowed to this selection's heads of its model. */
  public Recognizer apply(Recognizer recognizer) throws RecognizerException {
    return switch (kind) {
      case FAST -> recognizer.reading(recognizer.fastHeads());
      case ALL -> recognizer.reading(recognizer.net().spec().heads());
      case LISTED -> recognizer.reading(listed);
    };
  }

  @Override
  public String toString() {
    return kind == Kind.LISTED
        ? listed.stream().map(h -> h.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","))
        : kind.name().toLowerCase(Locale.ROOT);
  }
}
