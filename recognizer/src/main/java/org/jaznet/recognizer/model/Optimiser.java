package org.jaznet.recognizer.model;

/** Weight update rule. */
public enum Optimiser {
  ADAM,
  /** SGD with Nesterov momentum 0.9, as in the paper. */
  SGD_MOMENTUM
}
