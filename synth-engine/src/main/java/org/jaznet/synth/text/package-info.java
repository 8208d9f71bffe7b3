/**
 * Where the words come from: {@link org.jaznet.synth.text.WordSource} draws dictionary words, random
 * digit/letter strings, short texts, numbers and print forms (punctuated words, prices, dates, codes) at
 * configured ratios and applies the case mode. It knows nothing of drawing.
 */
package org.jaznet.synth.text;
