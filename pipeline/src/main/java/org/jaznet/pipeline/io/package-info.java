/**
 * Where batch inputs come from and how their bytes become images: input specs (globs, zip and tar
 * archives, CSV/JSONL manifests with word boxes), references to single words ({@link WordRef}), header
 * size probing (absurd sizes are refused before any pixel is decoded) and decoding with OpenCV, falling
 * back to ImageIO. Nothing here knows about Beam or the model.
 */
package org.jaznet.pipeline.io;
