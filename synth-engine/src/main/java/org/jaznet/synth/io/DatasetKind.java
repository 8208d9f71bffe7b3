package org.jaznet.synth.io;

/** The on-disk layouts {@link LabelledDataset#open} recognises. */
public enum DatasetKind {
  /** MJSynth: {@code annotation*.txt} + {@code lexicon.txt} + {@code a/b/n_WORD_idx.jpg}. */
  MJSYNTH,
  /** {@code labels.tsv} ({@code path<TAB>word}) next to the images or next to an {@code images/} folder. */
  TSV,
  /** CRNN / deep-text-recognition-benchmark LMDB ({@code data.mdb}). */
  LMDB
}
