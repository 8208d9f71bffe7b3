/**
 * The {@code jaznet} command line (picocli): the project's entry points, one class per command, and the
 * launcher's main class {@link org.jaznet.cli.JaznetCli}. The commands call the libraries (synth-engine,
 * recognizer, pages) and the Beam pipelines of {@code org.jaznet.pipeline}; nothing depends on this package.
 */
package org.jaznet.cli;
