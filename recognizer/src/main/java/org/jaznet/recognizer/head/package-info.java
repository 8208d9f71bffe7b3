/**
 * Heads' label codecs (word -&gt; training target, with label masks) and decoding: unconstrained and
 * lexicon-constrained scoring ({@link org.jaznet.recognizer.head.CompiledLexicon}), and the fusion of
 * heads into one calibrated reading ({@link org.jaznet.recognizer.head.Fusion}), with a character language
 * model for the unconstrained reading ({@link org.jaznet.recognizer.head.CharLm},
 * {@link org.jaznet.recognizer.head.TextPrior}, {@link org.jaznet.recognizer.head.CtcBeamSearch}).
 */
package org.jaznet.recognizer.head;
