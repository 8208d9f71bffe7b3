package org.jaznet.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;
import org.jaznet.pages.detect.DetectedWord;
import org.jaznet.pages.detect.DetectorKind;
import org.jaznet.pages.detect.WordDetector;
import org.jaznet.pages.eval.EvalPages;
import org.jaznet.pages.eval.EvalTotals;
import org.jaznet.pages.eval.GroundTruth;
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
import org.jaznet.synth.io.AtomicFiles;
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
      "--engine tesseract scores Tesseract 5 with the same code, for a side-by-side comparison in one run.",
      "--detect-only scores word detection alone (no recogniser is loaded; every detected box counts)."
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

  @Option(names = "--detect-only",
      description = "score word detection only: no recogniser, e2e not measured; boxes the reader would drop for a "
          + "low reading confidence (scene proposals) are counted")
  boolean detectOnly;

  @Option(names = "--predictions", paramLabel = "FILE",
      description = "also write what was read, one JSON line per image in the words.jsonl layout (plus confidence)")
  Path predictions;

  @Option(names = "--dpi", defaultValue = "300", paramLabel = "N", description = "PDF render resolution (default 300)")
  int dpi;

  /** What each page read, when --predictions asks for it. */
  private final Map<Path, PageResult> read = new ConcurrentHashMap<>();

  @Override
  public Integer call() throws IOException {
    if (!models.check("jaznet eval-pages")) {
      return 2;
    }
    if (detectOnly && engine != Engine.JAZNET) {
      System.err.println("jaznet eval-pages: --detect-only scores jaznet's detector; Tesseract's detection F is in"
          + " its full report");
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
      t = EvalPages.evaluate(set, recorded(new TesseractEngine("tesseract", "eng", 3, 120_000, 1)), threads);
    } else if (detectOnly) {
      extra.put("engine", "jaznet --detector " + detector.name().toLowerCase(Locale.ROOT) + " --detect-only");
      PageLimits limits = PageLimits.defaults().withDpi(dpi);
      WordDetector det = models.detector(detector);
      t = EvalPages.evaluate(set, recorded(file -> {
        try (PageSource src = PageSources.open(file, limits)) {
          PageImage page = src.page(1);
          long d0 = System.nanoTime();
          List<PageWord> words = new ArrayList<>();
          for (DetectedWord w : det.detect(page)) {
            words.add(new PageWord(w.box(), "", 0, w.line(), w.block()));
          }
          detectNs.addAndGet(System.nanoTime() - d0);
          return new PageResult(page.page(), page.width(), page.height(), words);
        } catch (PageException e) {
          throw new IllegalStateException(e.getMessage(), e);
        }
      }), Math.max(1, threads));
      extra.put("detect_ms_per_page", detectNs.get() / 1e6 / Math.max(1, t.images()));
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
        t = EvalPages.evaluate(set, recorded(read), Math.max(1, threads));
      } catch (RecognizerException e) {
        System.err.println("jaznet eval-pages: " + e.getMessage());
        return 1;
      }
      extra.put("detect_ms_per_page", detectNs.get() / 1e6 / Math.max(1, t.images()));
      extra.put("recognize_ms_per_page", recogNs.get() / 1e6 / Math.max(1, t.images()));
    }
    if (predictions != null) {
      writePredictions(set);
    }
    if (engine == Engine.JAZNET && detectOnly) {
      System.out.printf(Locale.ROOT, "eval-pages jaznet --detect-only: %d images, detection P %.3f R %.3f F %.3f"
          + " | e2e not measured | %.2f pages/s%n", t.images(), t.detection().precision(), t.detection().recall(),
          t.detection().f(), t.pagesPerSecond());
      System.out.printf(Locale.ROOT, "ms per page: detect %.1f (summed over %d threads)%n",
          detectNs.get() / 1e6 / Math.max(1, t.images()), threads);
      if (json != null) {
        PageEvalReport.write(json, t, extra);
      }
      return 0;
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

  /** {@code engine}, keeping each page's result when {@code --predictions} asks for them. */
  private Function<Path, PageResult> recorded(Function<Path, PageResult> engine) {
    if (predictions == null) {
      return engine;
    }
    return file -> {
      PageResult r = engine.apply(file);
      read.put(file, r);
      return r;
    };
  }

  /** The kept results in set order, as JSON lines like words.jsonl's, written atomically. */
  private void writePredictions(GroundTruthSet set) throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder out = new StringBuilder();
    for (GroundTruth gt : set.pages()) {
      PageResult r = read.get(gt.imagePath());
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("image", gt.image());
      List<Map<String, Object>> words = new ArrayList<>();
      for (PageWord w : r == null ? List.<PageWord>of() : r.words()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("box", List.of(w.box().x(), w.box().y(), w.box().w(), w.box().h()));
        m.put("text", w.text());
        m.put("confidence", Math.round(w.confidence() * 1e4) / 1e4);
        words.add(m);
      }
      line.put("words", words);
      out.append(json.writeValueAsString(line)).append('\n');
    }
    AtomicFiles.write(predictions, out.toString().getBytes(StandardCharsets.UTF_8));
  }
}
