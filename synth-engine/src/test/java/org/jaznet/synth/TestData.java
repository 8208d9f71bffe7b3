package org.jaznet.synth;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small fixed test data under src/test/resources/synth. */
public final class TestData {
  private TestData() {}

  public static Path dir() {
    try {
      return Path.of(TestData.class.getResource("/synth/words.txt").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path words() {
    return dir().resolve("words.txt");
  }

  public static Path fonts() {
    return dir().resolve("fonts");
  }

  public static Path backgrounds() {
    return dir().resolve("backgrounds");
  }

  public static SynthConfig config(long seed) {
    return new SynthConfig(seed, words(), fonts(), backgrounds(), 0.1, CaseMode.MIXED);
  }
}
