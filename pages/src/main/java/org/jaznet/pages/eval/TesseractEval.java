package org.jaznet.pages.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Command-line entry: Tesseract over a page set, scored by the same code as jaznet's page reader.
 *
 * <pre>
 * java -cp ... org.jaznet.pages.eval.TesseractEval --data DIR [--json FILE] [--jobs N] [--psm N]
 *      [--lang L] [--timeout-s S]
 * </pre>
 *
 * <p>Defaults: 2 pages in parallel, each Tesseract process with OMP_THREAD_LIMIT=1, --psm 3, -l eng,
 * 120 s per page. Exit code 0 on success, 1 on failure, 2 on bad usage.
 */
public final class TesseractEval {
  private TesseractEval() {}

  public static void main(String[] args) {
    Path data = null;
    Path json = null;
    int jobs = 2;
    int psm = 3;
    String lang = "eng";
    long timeoutS = 120;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--data" -> data = Path.of(args[++i]);
          case "--json" -> json = Path.of(args[++i]);
          case "--jobs" -> jobs = Integer.parseInt(args[++i]);
          case "--psm" -> psm = Integer.parseInt(args[++i]);
          case "--lang" -> lang = args[++i];
          case "--timeout-s" -> timeoutS = Long.parseLong(args[++i]);
          default -> throw new IllegalArgumentException("unknown argument " + a);
        }
      }
      if (data == null) {
        throw new IllegalArgumentException("--data DIR is required");
      }
      if (jobs < 1) {
        throw new IllegalArgumentException("--jobs must be >= 1");
      }
    } catch (RuntimeException e) {
      System.err.println("tesseract-eval: " + e.getMessage());
      System.err.println("usage: TesseractEval --data DIR [--json FILE] [--jobs N] [--psm N] [--lang L] [--timeout-s S]");
      System.exit(2);
      return;
    }
    try {
      if (!TesseractEngine.available()) {
        throw new IOException("'tesseract' is not on PATH (apt-get install tesseract-ocr)");
      }
      GroundTruthSet set = GroundTruthSet.read(data);
      TesseractEngine engine = new TesseractEngine("tesseract", lang, psm, timeoutS * 1000, 1);
      EvalTotals t = EvalPages.evaluate(set, engine, jobs);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("engine", "tesseract --psm " + psm + " -l " + lang + " (OMP_THREAD_LIMIT=1)");
      extra.put("jobs", jobs);
      extra.put("dataset", data.toString());
      System.out.printf(Locale.ROOT, "%s: %d images, detection P %.4f R %.4f F %.4f | e2e P %.4f R %.4f F %.4f"
          + " | e2e_cased F %.4f | %.3f pages/s (%d jobs), %.0f ms/page%n", data, t.images(),
          t.detection().precision(), t.detection().recall(), t.detection().f(), t.e2e().precision(),
          t.e2e().recall(), t.e2e().f(), t.e2eCased().f(), t.pagesPerSecond(), jobs, t.msPerPage());
      if (json != null) {
        PageEvalReport.write(json, t, extra);
        System.out.println("wrote " + json);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("tesseract-eval: " + e.getMessage());
      System.exit(1);
    }
  }
}
