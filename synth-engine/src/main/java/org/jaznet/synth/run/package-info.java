/**
 * Generating a synthetic dataset: {@link SynthRun} renders samples {@code [0, count)} with several
 * threads into one of the {@link OutputFormat}s, atomically and resumably, so that the output bytes
 * depend only on the engine config and the count (not on the thread count, nor on whether the run was
 * killed and resumed). Shards ({@code [from, to)} ranges) can be rendered independently with
 * {@link SynthRun#writeImages(long, long)} and give the same files.
 */
package org.jaznet.synth.run;
