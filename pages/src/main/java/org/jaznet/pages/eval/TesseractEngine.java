package org.jaznet.pages.eval;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;

/**
 * Tesseract as a page reader, for comparison: runs {@code tesseract IMAGE stdout -l LANG --psm PSM tsv}
 * and turns the TSV's word rows (level 5) into a {@link DocumentResult} of one page. Rows with empty
 * text or confidence -1 are skipped; confidence is Tesseract's 0..100 scaled to [0, 1] (not
 * calibrated); lines are numbered 1.. in order of first appearance of each (block, paragraph, line) id,
 * blocks keep Tesseract's block number. The page size comes from the TSV's level-1 row.
 *
 * <p>Each run gets {@code OMP_THREAD_LIMIT=1} by default (one core per page; run pages in parallel to
 * use more) and a timeout, after which the process is killed. Thread-safe.
 */
public final class TesseractEngine implements Function<Path, PageResult> {
  private final String executable;
  private final String lang;
  private final int psm;
  private final long timeoutMillis;
  private final Integer ompThreads;

  /**
   * @param executable the tesseract command ("tesseract" to look it up on PATH)
   * @param lang language(s), e.g. "eng"
   * @param psm page segmentation mode, e.g. 3 (fully automatic)
   * @param timeoutMillis per page
   * @param ompThreads OMP_THREAD_LIMIT for the process, or null to inherit the environment
   */
  public TesseractEngine(String executable, String lang, int psm, long timeoutMillis, Integer ompThreads) {
    this.executable = executable;
    this.lang = lang;
    this.psm = psm;
    this.timeoutMillis = timeoutMillis;
    this.ompThreads = ompThreads;
  }

  /** {@code tesseract}, English, --psm 3, 120 s per page, one OpenMP thread. */
  public static TesseractEngine defaults() {
    return new TesseractEngine("tesseract", "eng", 3, 120_000, 1);
  }

  /** True when {@code tesseract --version} runs. */
  public static boolean available() {
    try {
      Process p = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Reads one page image; unchecked wrapper of {@link #read} for {@link EvalPages}. */
  @Override
  public PageResult apply(Path image) {
    try {
      return read(image).pages().get(0);
    } catch (PageException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Runs Tesseract on {@code image}.
   *
   * @throws PageException naming the image: tesseract missing, failed (exit code and its stderr), timed
   *     out, or printed no page row
   */
  public DocumentResult read(Path image) throws PageException {
    if (!Files.isRegularFile(image)) {
      throw new PageException(image + ": no such image file");
    }
    List<String> cmd = List.of(executable, image.toString(), "stdout", "-l", lang, "--psm",
        Integer.toString(psm), "tsv");
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (ompThreads != null) {
      pb.environment().put("OMP_THREAD_LIMIT", Integer.toString(ompThreads));
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new PageException("cannot run '" + executable + "' for " + image + " (is Tesseract 5 installed "
          + "and on PATH? apt-get install tesseract-ocr): " + e.getMessage(), e);
    }
    Drain out = new Drain(p.getInputStream());
    Drain err = new Drain(p.getErrorStream());
    out.start();
    err.start();
    try {
      p.getOutputStream().close();
      if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new PageException("tesseract timed out after " + timeoutMillis + " ms on " + image);
      }
      out.join();
      err.join();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PageException("interrupted while tesseract read " + image, e);
    } catch (IOException e) {
      throw new PageException("tesseract i/o failed on " + image + ": " + e.getMessage(), e);
    }
    if (p.exitValue() != 0) {
      throw new PageException("tesseract exited with " + p.exitValue() + " on " + image + ": "
          + err.text().strip());
    }
    return new DocumentResult(image.toString(), List.of(parseTsv(out.text(), image.toString())));
  }

  /**
   * Parses Tesseract's TSV output (header {@code level page_num block_num par_num line_num word_num left
   * top width height conf text}) into a page.
   *
   * @throws PageException naming {@code source} when there is no level-1 (page) row
   */
  public static PageResult parseTsv(String tsv, String source) throws PageException {
    int width = -1;
    int height = -1;
    List<PageWord> words = new ArrayList<>();
    Map<String, Integer> lineIds = new HashMap<>();
    String[] rows = tsv.split("\r?\n");
    for (String row : rows) {
      if (row.isEmpty() || row.startsWith("level")) {
        continue;
      }
      String[] f = row.split("\t", -1);
      if (f.length < 11) {
        continue;
      }
      int level;
      try {
        level = Integer.parseInt(f[0].strip());
      } catch (NumberFormatException e) {
        continue;
      }
      if (level == 1) {
        width = Integer.parseInt(f[8].strip());
        height = Integer.parseInt(f[9].strip());
        continue;
      }
      if (level != 5 || f.length < 12) {
        continue;
      }
      String text = f[11].strip();
      double conf = Double.parseDouble(f[10].strip());
      if (text.isEmpty() || conf < 0) {
        continue;
      }
      int block = Math.max(1, Integer.parseInt(f[2].strip()));
      String lineKey = f[2].strip() + "/" + f[3].strip() + "/" + f[4].strip();
      int line = lineIds.computeIfAbsent(lineKey, k -> lineIds.size() + 1);
      int left = Math.max(0, Integer.parseInt(f[6].strip()));
      int top = Math.max(0, Integer.parseInt(f[7].strip()));
      int w = Math.max(1, Integer.parseInt(f[8].strip()));
      int h = Math.max(1, Integer.parseInt(f[9].strip()));
      words.add(new PageWord(new PageBox(left, top, w, h), text, Math.min(1, conf / 100.0), line, block));
    }
    if (width <= 0 || height <= 0) {
      throw new PageException("tesseract printed no page row for " + source);
    }
    return new PageResult(1, width, height, words);
  }

  /** Reads a stream to its end on its own thread (so neither pipe can fill up and block the process). */
  private static final class Drain extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private IOException failure;

    Drain(InputStream in) {
      this.in = in;
      setDaemon(true);
    }

    @Override
    public void run() {
      try (in) {
        in.transferTo(buf);
      } catch (IOException e) {
        failure = e;
      }
    }

    String text() {
      if (failure != null) {
        throw new UncheckedIOException(failure);
      }
      return buf.toString(StandardCharsets.UTF_8);
    }
  }
}
