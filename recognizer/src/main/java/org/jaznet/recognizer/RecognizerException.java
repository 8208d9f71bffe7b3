package org.jaznet.recognizer;

/** Bad input to the recognizer (model file, image): the message names the input and the problem. */
public class RecognizerException extends Exception {
  private static final long serialVersionUID = 1L;

  public RecognizerException(String message) {
    super(message);
  }

  public RecognizerException(String message, Throwable cause) {
    super(message, cause);
  }
}
