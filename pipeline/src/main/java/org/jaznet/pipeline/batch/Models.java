package org.jaznet.pipeline.batch;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.RecognizerException;

/**
 * One loaded {@link Recognizer} per model per JVM, however many DoFn instances or threads a runner
 * makes (the recognizer is thread-safe). Models stay loaded until the JVM exits.
 */
public final class Models {
  private static final Map<String, Recognizer> LOADED = new HashMap<>();
  private static int loads;

  private Models() {}

  /**
   * A recognizer reading the spec's heads of the model's one shared network, which is loaded on first
   * use: each call returns a new {@link Recognizer#reading} view of it (cheap: no copy), without the
   * language model when the spec says so.
   */
  public static Recognizer get(ModelSpec spec) throws RecognizerException {
    Recognizer r = spec.heads().apply(loaded(spec));
    return spec.languageModel() ? r : r.withLanguageModel(org.jaznet.recognizer.head.LmSettings.OFF, null);
  }

  private static synchronized Recognizer loaded(ModelSpec spec) throws RecognizerException {
    Recognizer r = LOADED.get(spec.key());
    if (r == null) {
      r = spec.path() == null ? Recognizer.loadDefault() : Recognizer.load(Path.of(spec.path()));
      LOADED.put(spec.key(), r);
      loads++;
    }
    return r;
  }

  /**
   * Serves an already built recognizer (e.g. a network still in memory after training) under a model
   * spec, so that pipelines in this JVM use it instead of loading the file.
   */
  public static synchronized void register(ModelSpec spec, Recognizer recognizer) {
    LOADED.put(spec.key(), java.util.Objects.requireNonNull(recognizer, "recognizer"));
  }

  /** How many models this JVM has loaded (lets tests check the once-per-JVM promise). */
  public static synchronized int loadCount() {
    return loads;
  }
}
