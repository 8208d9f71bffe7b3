/**
 * {@link org.jaznet.synth.bench.SynthBenchmark}: images per second of the full default chain, per thread
 * and in total (a benchmark that prints figures, never a timed unit test).
 */
package org.jaznet.synth.bench;
