package org.jaznet.pipeline.io;

import java.io.IOException;

/** An input spec (glob, archive or manifest) that names no input at all: a usage error, not a failure record. */
public final class NoInputException extends IOException {
  private static final long serialVersionUID = 1L;

  public NoInputException(String message) {
    super(message);
  }
}
