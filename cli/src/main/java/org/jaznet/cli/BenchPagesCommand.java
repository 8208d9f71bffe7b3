package org.jaznet.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.detect.DetectorKind;
import org.jaznet.pages.eval.TesseractEngine;
import org.jaznet.pages.input.PageLimits;
import org.jaznet.pages.read.CropConfig;
import org.jaznet.pages.read.DocumentReader;
import org.jaznet.pages.read.PageFailure;
import org.jaznet.pages.read.PageInput;
import org.jaznet.pages.read.PageReader;
import org.jaznet.pages.read.ReadTimes;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.document.DocumentSynth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jaznet bench pages}: page reading speed through the same path as {@code jaznet read}, on
 * rendered document pages (or a folder of pages), optionally beside Tesseract on the same pages.
 */
@Command(name = "pages", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Measure page reading speed as 'jaznet read' runs it, on synthetic document pages or --data pages.",
      "Prints 'pages: <P> pages/s, <W> words/s', ms per page for decoding, detection and recognition,",
      "and with --tesseract the same figures for Tesseract 5 on the same pages (one process per core)."
    })
final class BenchPagesCommand implements Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR", description = "read these pages (DIR/images/* or DIR/*) instead of rendering")
  Path data;

  @Option(names = "--count", defaultValue = "20", paramLabel = "N", description = "pages to render (default 20)")
  int count;

  @Option(names = "--seed", defaultValue = "4242", paramLabel = "S", description = "seed of the rendered pages (default 4242)")
  long seed;

  @Option(names = "--detector", defaultValue = "doc", paramLabel = "D", description = "doc (default), scene or auto")
  DetectorKind detector;

  @Mixin
  PageModelOptions models;

  @Option(names = "--threads", paramLabel = "N", description = "detection threads (default: the number of cores)")
  Integer threads;


  @Option(names = "--tesseract", description = "also time Tesseract 5 (tesseract IMG stdout tsv) on the same pages")
  boolean tesseract;

  @Override
  public Integer call() throws IOException {
    if (!models.check("jaznet bench pages")) {
      return 2;
    }
    Path dir = data;
    Path tmp = null;
    try {
      if (dir == null) {
        tmp = Files.createTempDirectory("jaznet-bench-pages");
        DocumentSynth.write(tmp, count, seed);
        dir = tmp;
      }
      Path images = Files.isDirectory(dir.resolve("images")) ? dir.resolve("images") : dir;
      List<Path> files;
      try (Stream<Path> s = Files.list(images)) {
        files = s.filter(Files::isRegularFile).sorted().toList();
      }
      if (files.isEmpty()) {
        System.err.println("jaznet bench pages: no page file in " + images);
        return 2;
      }
      int n = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
      try (Recognizer rec = models.recognizer();
           DocumentReader reader = new DocumentReader(new PageReader(models.detector(detector), rec,
               CropConfig.defaults()), PageLimits.defaults(), n, 8)) {
        List<PageInput> inputs = files.stream().map(PageInput::of).toList();
        // one page first: JIT, oneDNN kernels and the model's first pass are not the steady state
        reader.read(inputs.subList(0, 1), new Discard());
        Discard sink = new Discard();
        ReadTimes t = reader.read(inputs, sink);
        System.out.printf(Locale.ROOT, "pages: %.2f pages/s, %.1f words/s%n", t.pagesPerSecond(), t.wordsPerSecond());
        System.out.printf(Locale.ROOT, "jaznet: %d pages, %d words, %d failures, %.1f s; ms per page: decode %.1f, detect %.1f"
            + " (summed over %d threads), recognize %.1f; %d cores%n", t.pages(), t.words(), sink.failures, t.wallNanos() / 1e9,
            t.decodeMsPerPage(), t.detectMsPerPage(), n, t.recognizeMsPerPage(), Runtime.getRuntime().availableProcessors());
        if (tesseract) {
          if (!TesseractEngine.available()) {
            System.err.println("jaznet bench pages: 'tesseract' is not on PATH (apt-get install tesseract-ocr)");
            return 2;
          }
          TesseractEngine engine = new TesseractEngine("tesseract", "eng", 3, 300_000, 1);
          ExecutorService pool = Executors.newFixedThreadPool(n);
          long t0 = System.nanoTime();
          long words = 0;
          try {
            List<Future<PageResult>> futures = new ArrayList<>();
            for (Path f : files) {
              futures.add(pool.submit(() -> engine.apply(f)));
            }
            for (Future<PageResult> f : futures) {
              words += f.get().words().size();
            }
          } catch (Exception e) {
            System.err.println("jaznet bench pages: tesseract failed: " + e.getMessage());
            return 1;
          } finally {
            pool.shutdownNow();
          }
          double s = (System.nanoTime() - t0) / 1e9;
          System.out.printf(Locale.ROOT, "tesseract: %.2f pages/s, %.1f words/s (%d processes, OMP_THREAD_LIMIT=1)%n",
              files.size() / s, words / s, n);
          System.out.printf(Locale.ROOT, "ratio jaznet/tesseract pages/s: %.2f%n", t.pagesPerSecond() / (files.size() / s));
        }
      } catch (RecognizerException e) {
        System.err.println("jaznet bench pages: " + e.getMessage());
        return 1;
      }
      return 0;
    } catch (SynthException e) {
      System.err.println("jaznet bench pages: " + e.getMessage());
      return 1;
    } finally {
      if (tmp != null) {
        try (Stream<Path> s = Files.walk(tmp)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** Counts, keeps nothing. */
  private static final class Discard implements DocumentReader.Sink {
    int failures;

    @Override
    public void document(DocumentResult doc, PageInput input) {}

    @Override
    public void failure(PageFailure failure) {
      failures++;
      System.err.println("jaznet bench pages: " + failure.input() + ": " + failure.reason());
    }
  }
}
