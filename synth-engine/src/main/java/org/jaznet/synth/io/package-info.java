/**
 * Reading and writing labelled word-image datasets in the layouts the field already reads.
 *
 * <ul>
 *   <li>MJSynth's own layout ({@link MjsynthLayout}): {@code a/b/n_WORD_idx.jpg} images,
 *       {@code annotation.txt} and {@code lexicon.txt}.
 *   <li>{@code labels.tsv} ({@link LabelsTsv}): {@code path<TAB>word}, written with every format.
 *   <li>LMDB ({@link LmdbWriter}, {@link LmdbDataset}): the CRNN / deep-text-recognition-benchmark keys
 *       {@code image-%09d}, {@code label-%09d}, {@code num-samples}. Written with lmdbjava; read with
 *       {@link LmdbFile}, a bounds-checked pure-Java reader, because a downloaded {@code data.mdb} may be
 *       corrupt and native LMDB trusts its file.
 *   <li>Per-image character boxes ({@link CharBoxesJsonl}).
 * </ul>
 *
 * <p>{@link LabelledDataset#open(java.nio.file.Path)} detects which of these a folder holds and iterates
 * its images lazily; training, evaluation and the pipeline read data through it. Every file is written
 * through {@link AtomicFiles} (temporary file, then rename), so a killed process never leaves a
 * half-written file under its final name.
 */
package org.jaznet.synth.io;
