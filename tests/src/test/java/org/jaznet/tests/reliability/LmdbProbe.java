package org.jaznet.tests.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jaznet.tests.fuzz.LmdbAccess;

/** Child-JVM main: opens {@code args[0]} (a data.mdb) as an LMDB dataset and reads it; prints END if alive. */
public final class LmdbProbe {
  private LmdbProbe() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("jaznet-lmdb-probe-");
    Files.copy(Path.of(args[0]), dir.resolve("data.mdb"));
    System.out.println("read " + LmdbAccess.readAll(dir) + " samples");
    System.out.println("END");
  }
}
