/**
 * The per-sample working state that flows through the stage chain: {@link org.jaznet.synth.canvas.Canvas}
 * holds the rendered text mask, the pending homography of the geometric stages, per-character quads,
 * the output-resolution layers (text, border, background), the composed pixels and the JPEG. One canvas
 * per thread is reused across samples so that the hot path allocates little.
 */
package org.jaznet.synth.canvas;
