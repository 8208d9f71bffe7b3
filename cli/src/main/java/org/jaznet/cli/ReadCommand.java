package org.jaznet.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageImage;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.detect.DetectorKind;
import org.jaznet.pages.input.PageLimits;
import org.jaznet.pages.read.BoxDrawing;
import org.jaznet.pages.read.CropConfig;
import org.jaznet.pages.read.DocumentReader;
import org.jaznet.pages.read.PageFailure;
import org.jaznet.pages.read.PageInput;
import org.jaznet.pages.read.PageReader;
import org.jaznet.pages.read.ReadTimes;
import org.jaznet.pages.write.PageFiles;
import org.jaznet.pages.write.PageFormat;
import org.jaznet.pages.write.PageWriters;
import org.jaznet.pipeline.io.EntryReader;
import org.jaznet.pipeline.io.NoInputException;
import org.jaznet.pipeline.io.PageInputs;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.RecognizerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jaznet read}: reads whole pages (images, multi-page TIFFs, PDFs, globs and archives of them)
 * and writes one JSON, text, hOCR or ALTO file per input. Exit 0 when every input was read, 1 when some
 * input or page failed (each named on stderr and in {@code failures.tsv}), 2 for a usage error such as
 * a glob that matches nothing.
 */
@Command(name = "read", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Read whole pages (PNG, JPEG, TIFF, PDF): detect the words, read them, write JSON, text, hOCR or ALTO.",
      "Writes DIR/<file name>.json (.txt, .hocr, .alto.xml) per input with --output, else prints to stdout.",
      "Exit status: 0 when every input was read, 1 when an input or page failed, 2 when no input matched."
    })
final class ReadCommand implements Callable<Integer> {
  @Option(names = "--format", defaultValue = "json", paramLabel = "F",
      description = "json (default), text, hocr or alto")
  PageFormat format;

  @Option(names = "--detector", defaultValue = "auto", paramLabel = "D",
      description = "doc (scans, rendered documents), scene (photographs) or auto (per page; default)")
  DetectorKind detector;

  @Mixin
  PageModelOptions models;

  @Option(names = {"--output", "--out"}, paramLabel = "DIR", description = "write one file per input here (default: print)")
  Path output;

  @Option(names = "--draw", paramLabel = "PNG",
      description = "also draw the detected boxes and texts of the first page read into this PNG file")
  Path draw;

  @Option(names = "--dpi", defaultValue = "300", paramLabel = "N", description = "PDF render resolution (default 300)")
  int dpi;

  @Option(names = "--max-pages", defaultValue = "" + PageLimits.DEFAULT_MAX_PAGES, paramLabel = "N",
      description = "refuse files with more pages (default ${DEFAULT-VALUE})")
  int maxPages;

  @Option(names = "--max-pixels", defaultValue = "" + PageLimits.DEFAULT_MAX_PIXELS, paramLabel = "N",
      description = "refuse pages larger than this many pixels at the DPI, before decoding (default ${DEFAULT-VALUE})")
  long maxPixels;


  @Option(names = "--threads", paramLabel = "N", description = "word detection threads (default: the number of cores)")
  Integer threads;

  @Option(names = "--times", description = "print pages/s and ms per page for decoding, detection and recognition to stderr")
  boolean times;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "page files, globs ('scans/**/*.tif') or zip/tar archives")
  List<String> files;

  @Override
  public Integer call() throws IOException {
    if (!models.check("jaznet read")) {
      return 2;
    }
    PageLimits limits;
    try {
      limits = new PageLimits(dpi, maxPages, maxPixels);
    } catch (IllegalArgumentException e) {
      System.err.println("jaznet read: " + e.getMessage());
      return 2;
    }
    try (EntryReader entries = new EntryReader()) {
      List<PageInput> inputs;
      try {
        inputs = PageInputs.list(files, entries);
      } catch (NoInputException e) {
        System.err.println("jaznet read: " + e.getMessage());
        return 2;
      }
      if (output != null) {
        Files.createDirectories(output);
      }
      int n = threads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, threads);
      try (Recognizer rec = models.recognizer();
           DocumentReader reader = new DocumentReader(
               new PageReader(models.detector(detector), rec, CropConfig.defaults()), limits, n, 8)) {
        Outputs sink = new Outputs();
        ReadTimes t = reader.read(inputs, sink);
        if (output != null && !sink.failures.isEmpty()) {
          writeFailures(output.resolve("failures.tsv"), sink.failures);
        }
        if (times) {
          System.err.printf(Locale.ROOT, "read: %d files, %d pages, %d words, %d failures, %.2f pages/s, %.1f words/s;"
              + " ms per page: decode %.1f, detect %.1f, recognize %.1f%n", inputs.size(), t.pages(), t.words(),
              sink.failures.size(), t.pagesPerSecond(), t.wordsPerSecond(), t.decodeMsPerPage(), t.detectMsPerPage(),
              t.recognizeMsPerPage());
        }
        return sink.failures.isEmpty() ? 0 : 1;
      } catch (RecognizerException e) {
        System.err.println("jaznet read: " + e.getMessage());
        return 1;
      }
    }
  }

  /** Writes each document as it completes; collects failures. */
  private final class Outputs implements DocumentReader.Sink {
    final List<PageFailure> failures = new java.util.ArrayList<>();
    private final Map<String, Integer> names = new HashMap<>();
    private boolean drawn;

    @Override
    public void document(DocumentResult doc, PageInput input) throws IOException {
      if (output == null) {
        PrintStream out = System.out;
        PageWriters.of(format).write(doc, new NonClosing(out));
        out.flush();
        return;
      }
      // two inputs with one file name (a/x.png, b/x.png) must not overwrite each other
      int seen = names.merge(input.fileName(), 1, Integer::sum);
      String name = seen == 1 ? input.fileName() : input.fileName() + "-" + seen;
      if (seen > 1) {
        System.err.println("jaznet read: " + input.source() + ": another input has the same name; written as " + name + format.suffix());
      }
      PageFiles.writeAtomically(output, name, format, doc);
    }

    @Override
    public void failure(PageFailure f) {
      failures.add(f);
      System.err.println("jaznet read: " + f.input() + ": " + f.reason());
    }

    @Override
    public void page(PageImage image, PageResult result) throws IOException {
      if (draw != null && !drawn) {
        drawn = true;
        Path parent = draw.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".draw-", ".png");
        try {
          ImageIO.write(BoxDrawing.draw(image, result), "png", tmp.toFile());
          Files.move(tmp, draw, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    }
  }

  private static void writeFailures(Path file, List<PageFailure> failures) throws IOException {
    StringBuilder sb = new StringBuilder("input\treason\n");
    for (PageFailure f : failures) {
      sb.append(f.input().replace('\t', ' ')).append('\t').append(f.reason().replace('\t', ' ').replace('\n', ' ')).append('\n');
    }
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".failures-", ".tmp");
    Files.writeString(tmp, sb.toString());
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** System.out must stay open after a writer closes its stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
