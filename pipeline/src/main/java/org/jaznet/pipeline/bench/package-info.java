/**
 * Benchmarks that print figures: the batch benchmark compares the recognizer's batch call in a plain
 * loop and in the best hand-written thread pool with the Beam pipeline over the same images, so that
 * Beam's overhead is measured, never assumed.
 */
package org.jaznet.pipeline.bench;
