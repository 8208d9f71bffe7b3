package org.jaznet.synth.run;

/** Dataset layouts a {@link SynthRun} writes; {@code labels.tsv} is written with every one. */
public enum OutputFormat {
  /** MJSynth's own layout: {@code a/b/n_WORD_idx.jpg}, {@code annotation.txt}, {@code lexicon.txt}. */
  MJSYNTH,
  /** CRNN / deep-text-recognition-benchmark LMDB ({@code data.mdb}); labels.tsv paths are the image keys. */
  LMDB,
  /** Only {@code labels.tsv} and {@code images/a/b/n.jpg}. */
  TSV
}
