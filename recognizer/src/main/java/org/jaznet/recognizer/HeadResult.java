package org.jaznet.recognizer;

/**
 * What one head reads.
 *
 * @param head the head
 * @param text unconstrained reading (DICT: best class; CHAR: argmax per position up to the first null;
 *     NGRAM: best dictionary word by N-gram agreement)
 * @param score the head's probability-like score for {@code text} in [0,1]
 * @param lexiconText best word of the lexicon passed to the call, or null if none was passed
 * @param lexiconScore score of {@code lexiconText} in [0,1], or NaN
 */
public record HeadResult(HeadKind head, String text, double score, String lexiconText, double lexiconScore) {}
