/**
 * Sharded synthetic generation on a Beam runner: the index range {@code [0, count)} is cut into shards
 * that the runner renders in parallel with {@link org.jaznet.synth.run.SynthRun#writeImages}; the files
 * are byte-identical to a single-process run, and any shard can be regenerated on its own.
 */
package org.jaznet.pipeline.synth;
