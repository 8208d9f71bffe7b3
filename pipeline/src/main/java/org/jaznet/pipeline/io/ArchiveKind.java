package org.jaznet.pipeline.io;

import java.util.Locale;
import java.util.Optional;

/** Archive formats whose image entries are batch inputs, recognised by file name. */
public enum ArchiveKind {
  ZIP, TAR, TAR_GZ;

  /** The archive kind a file name denotes, or empty if it is not an archive name. */
  public static Optional<ArchiveKind> ofName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".zip")) {
      return Optional.of(ZIP);
    }
    if (n.endsWith(".tar")) {
      return Optional.of(TAR);
    }
    if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
      return Optional.of(TAR_GZ);
    }
    return Optional.empty();
  }
}
