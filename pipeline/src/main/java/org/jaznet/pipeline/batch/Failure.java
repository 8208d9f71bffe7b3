package org.jaznet.pipeline.batch;

import java.io.Serializable;
import java.util.Objects;

/**
 * An input that produced no reading.
 *
 * @param source the output contract's source (path, {@code !entry}, {@code #x,y,w,h}; a manifest line is
 *     {@code manifest.csv:LINE})
 * @param reason what was wrong, in words
 */
public record Failure(String source, String reason) implements Serializable {
  private static final long serialVersionUID = 1L;

  public Failure {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(reason, "reason");
  }
}
