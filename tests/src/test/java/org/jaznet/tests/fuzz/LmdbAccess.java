package org.jaznet.tests.fuzz;

import java.nio.file.Path;

/** Lets the reliability tests replay LMDB fuzz findings in a child JVM with the target's own checks. */
public final class LmdbAccess {
  private LmdbAccess() {}

  public static long readAll(Path dir) {
    return LmdbFuzzTest.readAll(dir);
  }
}
