package org.jaznet.pages.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jaznet.synth.io.AtomicFiles;

/**
 * The JSON summary of a page evaluation:
 *
 * <pre>{@code
 * {"n_images": 20,
 *  "detection": {"precision": 0.5, "recall": 0.5, "f": 0.5},
 *  "e2e": {"precision": ..., "recall": ..., "f": ...},
 *  "e2e_cased": {"precision": ..., "recall": ..., "f": ...},
 *  "pages_per_s": 1.23,
 *  ...extra keys: "ms_per_page", "counts", and whatever the caller adds ("engine", ...)}
 * }</pre>
 *
 * <p>Written atomically (temporary file in the same directory, then rename), so a reader never sees a
 * partial report.
 */
public final class PageEvalReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PageEvalReport() {}

  /** The report as an ordered map (the required keys first, then {@code extra} in its order). */
  public static Map<String, Object> toMap(EvalTotals t, Map<String, ?> extra) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n_images", t.images());
    m.put("detection", prf(t.detection()));
    m.put("e2e", prf(t.e2e()));
    m.put("e2e_cased", prf(t.e2eCased()));
    m.put("pages_per_s", round(t.pagesPerSecond(), 4));
    m.put("ms_per_page", round(t.msPerPage(), 1));
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("detection", counts(t.detection()));
    counts.put("e2e", counts(t.e2e()));
    counts.put("e2e_cased", counts(t.e2eCased()));
    m.put("counts", counts);
    for (Map.Entry<String, ?> e : extra.entrySet()) {
      if (!m.containsKey(e.getKey())) {
        m.put(e.getKey(), e.getValue());
      }
    }
    return m;
  }

  /** The report as JSON text. */
  public static String toJson(EvalTotals t, Map<String, ?> extra) throws IOException {
    return JSON.writeValueAsString(toMap(t, extra)) + "\n";
  }

  /** Writes the report to {@code file} atomically, creating parent directories. */
  public static void write(Path file, EvalTotals t, Map<String, ?> extra) throws IOException {
    AtomicFiles.write(file, toJson(t, extra).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Map<String, Object> prf(Prf p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("precision", round(p.precision(), 4));
    m.put("recall", round(p.recall(), 4));
    m.put("f", round(p.f(), 4));
    return m;
  }

  private static Map<String, Object> counts(Prf p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tp", p.tp());
    m.put("predicted", p.predicted());
    m.put("truth", p.truth());
    return m;
  }

  private static double round(double v, int digits) {
    double s = Math.pow(10, digits);
    return Math.round(v * s) / s;
  }
}
