package org.jaznet.pages;

/**
 * A page input that cannot be read (encrypted or malformed PDF, absurd declared size, no pages...).
 * The message names the input and the problem; callers turn it into a failure record.
 */
public final class PageException extends Exception {
  private static final long serialVersionUID = 1L;

  public PageException(String message) {
    super(message);
  }

  public PageException(String message, Throwable cause) {
    super(message, cause);
  }
}
