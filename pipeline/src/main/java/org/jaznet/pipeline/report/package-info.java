/** Human-readable reports of a run: a self-contained HTML page of predictions and failures. */
package org.jaznet.pipeline.report;
