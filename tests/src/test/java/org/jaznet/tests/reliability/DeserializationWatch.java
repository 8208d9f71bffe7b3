package org.jaznet.tests.reliability;

import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Proves that a piece of code never deserializes Java objects: a JVM-wide {@link ObjectInputFilter}
 * (consulted by every {@code ObjectInputStream.readObject}) records, and rejects, any class read on a
 * watched thread. Other threads and tests are untouched (their objects pass as UNDECIDED).
 */
final class DeserializationWatch {
  private static final ThreadLocal<List<String>> SEEN = new ThreadLocal<>();
  private static final boolean INSTALLED = install();

  private DeserializationWatch() {}

  private static boolean install() {
    ObjectInputFilter previous = ObjectInputFilter.Config.getSerialFilter();
    ObjectInputFilter watch = info -> {
      List<String> seen = SEEN.get();
      if (seen != null) {
        seen.add(info.serialClass() == null ? "(array or reference)" : info.serialClass().getName());
        return ObjectInputFilter.Status.REJECTED;
      }
      return previous == null ? ObjectInputFilter.Status.UNDECIDED : previous.checkInput(info);
    };
    try {
      ObjectInputFilter.Config.setSerialFilter(watch);
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  /** Whether the JVM-wide filter could be installed (it can be set only once per JVM). */
  static boolean available() {
    return INSTALLED;
  }

  /** Runs {@code body} on this thread and returns the classes it tried to deserialize (none is allowed). */
  static <T> Watched<T> run(Callable<T> body) {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    SEEN.set(seen);
    try {
      T value = null;
      Throwable thrown = null;
      try {
        value = body.call();
      } catch (Throwable t) {
        thrown = t;
      }
      return new Watched<>(value, thrown, List.copyOf(seen));
    } finally {
      SEEN.remove();
    }
  }

  record Watched<T>(T value, Throwable thrown, List<String> deserialized) {}
}
