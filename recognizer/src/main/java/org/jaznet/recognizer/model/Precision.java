package org.jaznet.recognizer.model;

/** How weights are stored in a model file. */
public enum Precision {
  /** 32-bit floats: loading gives bit-identical outputs. */
  FP32,
  /** 16-bit floats: half the size, for shipping; outputs change in about the third significant digit. */
  FP16
}
