/**
 * Heads' label codecs (word -&gt; training target, with label masks) and decoding: unconstrained and
 * lexicon-constrained scoring ({@link org.jaznet.recognizer.head.CompiledLexicon}), and the fusion of
 * heads into one calibrated reading ({@link org.jaznet.recognizer.head.Fusion}).
 */
package org.jaznet.recognizer.head;
