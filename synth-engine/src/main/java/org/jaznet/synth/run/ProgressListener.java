package org.jaznet.synth.run;

/** Told how far a {@link SynthRun} has got; called from the run's calling thread, in increasing order. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> { };

  /**
   * @param done samples finished so far (written or already present)
   * @param total samples in the run
   */
  void progress(long done, long total);
}
