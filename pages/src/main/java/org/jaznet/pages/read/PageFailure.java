package org.jaznet.pages.read;

import java.util.Objects;

/**
 * An input, or one page of it, that could not be read.
 *
 * @param input the file as named ({@code a.pdf}), or one of its pages ({@code a.pdf#page=3})
 * @param reason what went wrong, for a person to read
 */
public record PageFailure(String input, String reason) {
  public PageFailure {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(reason, "reason");
  }
}
