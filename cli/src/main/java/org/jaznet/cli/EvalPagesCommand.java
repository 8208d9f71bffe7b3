package org.jaznet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.detect.DetectorKind;
import org.jaznet.pages.eval.EvalPages;
import org.jaznet.pages.eval.EvalTotals;
import org.jaznet.pages.eval.GroundTruthSet;
import org.jaznet.pages.eval.PageEvalReport;
import org.jaznet.pages.eval.TesseractEngine;
import org.jaznet.pages.input.PageLimits;
import org.jaznet.pages.input.PageSource;
import org.jaznet.pages.input.PageSources;
import org.jaznet.pages.read.CropConfig;
import org.jaznet.pages.read.PageReader;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.RecognizerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jaznet eval-pages}: word detection and end-to-end scores of page reading on a folder of
 * {@code images/} and {@code words.jsonl}, for jaznet or (the same scoring code) Tesseract.
 */
@Command(name = "eval-pages", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Score page reading on DIR/images + DIR/words.jsonl: word detection P/R/F and end-to-end F.",
      "One-to-one matching at IoU >= 0.5; '###' boxes are ignored; end-to-end under the standard protocol and case-sensitively.",
      "--engine tesseract scores Tesseract 5 with the same code, for a side-by-side comparison in one run."
    })
final class EvalPagesCommand implements Callable<Integer> {
  /** Which reader is scored. */
  enum Engine { JAZNET, TESSERACT }

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "folder with images/ and words.jsonl")
  Path data;

  @Option(names = "--json", paramLabel = "FILE", description = "also write the scores as JSON")
  Path json;

  @Option(names = "--engine", defaultValue = "jaznet", paramLabel = "E", description = "jaznet (default) or tesseract")
  Engine engine;

  @Option(names = "--detector", defaultValue = "auto", paramLabel = "D", description = "doc, scene or auto (default)")
  DetectorKind detector;

  @Mixin
  PageModelOptions models;


  @Option(names = "--threads", defaultValue = "2", paramLabel = "N", description = "pages in flight (default 2)")
  int threads;

  @Option(names = "--dpi", defaultValue = "300", paramLabel = "N", description = "PDF render resolution (default 300)")
  int dpi;

  @Override
  public Integer call() throws IOException {
    if (!models.check("jaznet eval-pages")) {
      return 2;
    }
    if (!Files.isDirectory(data)) {
      System.err.println("jaznet eval-pages: --data " + data + " is not a folder");
      return 2;
    }
    GroundTruthSet set;
    try {
      set = GroundTruthSet.read(data);
    } catch (IOException e) {
      System.err.println("jaznet eval-pages: " + e.getMessage());
      return 2;
    }
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("dataset", data.toString());
    EvalTotals t;
    AtomicLong detectNs = new AtomicLong();
    AtomicLong recogNs = new AtomicLong();
    if (engine == Engine.TESSERACT) {
      if (!TesseractEngine.available()) {
        System.err.println("jaznet eval-pages: 'tesseract' is not on PATH (apt-get install tesseract-ocr)");
        return 2;
      }
      extra.put("engine", "tesseract --psm 3 -l eng, OMP_THREAD_LIMIT=1, " + threads + " pages in parallel");
      t = EvalPages.evaluate(set, new TesseractEngine("tesseract", "eng", 3, 120_000, 1), threads);
    } else {
      extra.put("engine", "jaznet --detector " + detector.name().toLowerCase(Locale.ROOT));
      PageLimits limits = PageLimits.defaults().withDpi(dpi);
      try (Recognizer rec = models.recognizer()) {
        PageReader reader = new PageReader(models.detector(detector), rec, CropConfig.defaults());
        Function<Path, PageResult> read = file -> {
          try (PageSource src = PageSources.open(file, limits)) {
            PageReader.DetectedPage d = reader.detect(src.page(1));
            detectNs.addAndGet(d.detectNanos());
            long r0 = System.nanoTime();
            PageResult r = reader.recognize(List.of(d)).get(0);
            recogNs.addAndGet(System.nanoTime() - r0);
            return r;
          } catch (PageException | RecognizerException e) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        };
        t = EvalPages.evaluate(set, read, Math.max(1, threads));
      } catch (RecognizerException e) {
        System.err.println("jaznet eval-pages: " + e.getMessage());
        return 1;
      }
      extra.put("detect_ms_per_page", detectNs.get() / 1e6 / Math.max(1, t.images()));
      extra.put("recognize_ms_per_page", recogNs.get() / 1e6 / Math.max(1, t.images()));
    }
    System.out.printf(Locale.ROOT, "eval-pages %s: %d images, detection P %.3f R %.3f F %.3f | e2e P %.3f R %.3f F %.3f"
        + " | e2e_cased F %.3f | %.2f pages/s%n", engine.name().toLowerCase(Locale.ROOT), t.images(),
        t.detection().precision(), t.detection().recall(), t.detection().f(), t.e2e().precision(), t.e2e().recall(),
        t.e2e().f(), t.e2eCased().f(), t.pagesPerSecond());
    if (engine == Engine.JAZNET) {
      System.out.printf(Locale.ROOT, "ms per page: detect %.1f, recognize %.1f (summed over %d threads)%n",
          detectNs.get() / 1e6 / Math.max(1, t.images()), recogNs.get() / 1e6 / Math.max(1, t.images()), threads);
    }
    if (json != null) {
      PageEvalReport.write(json, t, extra);
    }
    return 0;
  }
}
