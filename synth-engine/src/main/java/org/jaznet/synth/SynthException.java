package org.jaznet.synth;

/** Bad input to the engine (fonts, dictionary, backgrounds, output): the message names the input. */
public class SynthException extends Exception {
  private static final long serialVersionUID = 1L;

  public SynthException(String message) {
    super(message);
  }

  public SynthException(String message, Throwable cause) {
    super(message, cause);
  }
}
