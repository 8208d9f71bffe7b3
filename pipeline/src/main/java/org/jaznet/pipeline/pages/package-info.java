/**
 * The page-reading Beam pipeline ({@code jaznet batch --pages}): page files are listed, each file's pages
 * are decoded and their words detected in one step, the words fan out and are read in shared batches,
 * and the readings are grouped back per file and written as one JSON, text, hOCR or ALTO file each.
 */
package org.jaznet.pipeline.pages;
