/**
 * Jazzer fuzz targets, one per parser of outside data. Under {@code mvn verify} each runs in regression
 * mode (its seeds and saved findings in {@code src/test/resources/org/jaznet/tests/fuzz/<Class>Inputs/});
 * {@code JAZZER_FUZZ=1} fuzzes one target for real (see tests/RELIABILITY.md). A target fails on any
 * throwable other than the parser's documented exception.
 */
package org.jaznet.tests.fuzz;
