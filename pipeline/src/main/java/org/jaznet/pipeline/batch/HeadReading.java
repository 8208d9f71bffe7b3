package org.jaznet.pipeline.batch;

import java.io.Serializable;

/** One head's reading of a word, as written to the results. */
public record HeadReading(String text, double score) implements Serializable {
  private static final long serialVersionUID = 1L;
}
