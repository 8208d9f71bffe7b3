package org.jaznet.pipeline.io;

/** What an input spec names. */
public enum InputKind {
  /** A file glob (or one file); every matching regular file is an input, directories are not. */
  GLOB,
  /** A zip or tar(.gz) archive: every image entry is an input. */
  ARCHIVE,
  /** A CSV manifest: {@code path[,x,y,w,h][,label]} per line. */
  MANIFEST_CSV,
  /** A JSONL manifest: {@code {"image": path, "box": [x,y,w,h], "label": text}} per line. */
  MANIFEST_JSONL
}
