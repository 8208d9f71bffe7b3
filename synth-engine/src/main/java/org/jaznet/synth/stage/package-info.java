/**
 * The MJSynth recipe as small pluggable {@link org.jaznet.synth.stage.Stage}s over a
 * {@link org.jaznet.synth.canvas.Canvas}, composed by {@link org.jaznet.synth.stage.StageChain}
 * ({@link org.jaznet.synth.stage.StageChain#mjsynth} is the default chain).
 *
 * <p>Order: render text (font, size, style, tracking, kerning, underline, curved baseline) ->
 * projective distortion (rotation + homography, composed, not yet resampled) -> crop with random padding
 * and one resampling straight to the output height -> border/shadow -> colours from k-means of natural
 * images -> natural-image blending of each layer (+ per-layer noise) -> compose with a contrast check
 * (redraw from the colour stage if too low) -> global noise, blur, down/up-sampling -> JPEG. MJSynth
 * renders at 60 px and resizes at the end; this chain resamples once, early, and does the appearance
 * stages at the output size, which is what makes it fast. MJSynth's pixel figures are scaled by the
 * font size so that the look is kept.
 *
 * <p>{@link org.jaznet.synth.stage.StageChain#document} is the printed-document chain: render text ->
 * skew -> crop -> paper and ink -> scanner distortions (noise and speckle, blur, 1-bit threshold or fax,
 * JPEG) -> PNG. For colour output, the stages carry a zero-luma hue per layer beside the grey they
 * compute anyway ({@code Chroma}), so the grey chain and its random draws are the same either way.
 */
package org.jaznet.synth.stage;
