package org.jaznet.synth.stage;

/** What a stage asks the chain to do next. */
public enum StageOutcome {
  /** Go on with the next stage. */
  CONTINUE,
  /** The result is unusable (e.g. too little contrast): redraw from the chain's redraw point. */
  REDRAW
}
