/**
 * Font faces: {@link org.jaznet.synth.font.FontCatalog} loads every .ttf/.otf under a directory (a corrupt
 * file is skipped with a warning and counted), groups faces by family and picks, per word, a face that has
 * a glyph for every character, so no tofu box is ever drawn.
 */
package org.jaznet.synth.font;
