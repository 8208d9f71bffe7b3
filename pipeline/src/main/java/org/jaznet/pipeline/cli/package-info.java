/** The {@code jaznet} command line (picocli): the project's entry points, one class per command. */
package org.jaznet.pipeline.cli;
