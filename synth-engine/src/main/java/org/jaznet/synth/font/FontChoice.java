package org.jaznet.synth.font;

/**
 * A face picked for a word, with the style attributes the face lacks and must be synthesised.
 *
 * @param faceIndex index of the face in its catalog (stable for a given directory)
 * @param face the face
 * @param syntheticBold embolden by drawing twice with a small offset
 * @param syntheticItalic shear the glyphs
 */
public record FontChoice(int faceIndex, FontFace face, boolean syntheticBold, boolean syntheticItalic) {}
