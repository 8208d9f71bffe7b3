package org.jaznet.pipeline.io;

/** An input that is not a usable image; the message is the failure record's reason. */
public final class ImageRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImageRejectedException(String reason) {
    super(reason);
  }

  public ImageRejectedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
