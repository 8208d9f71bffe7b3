/**
 * Where the words come from: {@link org.jaznet.synth.text.WordSource} draws dictionary words and random
 * digit/letter strings at a configured ratio and applies the case mode. It knows nothing of drawing.
 */
package org.jaznet.synth.text;
