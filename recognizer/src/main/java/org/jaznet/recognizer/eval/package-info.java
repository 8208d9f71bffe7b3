/**
 * Evaluation under the standard protocol (lowercase, only [0-9a-z] kept, exact match): labelled datasets
 * on disk ({@code labels.tsv} folders, MJSynth folders, LMDB), the head x mode accuracy table, and its
 * JSON and Markdown reports.
 */
package org.jaznet.recognizer.eval;
