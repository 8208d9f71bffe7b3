package org.jaznet.synth.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.SynthSample;
import org.jaznet.synth.io.AtomicFiles;
import org.jaznet.synth.io.CharBoxesJsonl;
import org.jaznet.synth.io.DatasetEntry;
import org.jaznet.synth.io.LabelsTsv;
import org.jaznet.synth.io.LmdbWriter;
import org.jaznet.synth.io.MjsynthAnnotation;
import org.jaznet.synth.io.MjsynthLayout;

/**
 * Renders samples {@code [0, count)} of an engine into a dataset folder.
 *
 * <p>How the output stays the same whatever happens:
 * <ul>
 *   <li>Sample {@code i} depends only on the engine config and {@code i}; its file name too
 *       ({@link MjsynthLayout}, lexicon indices from {@link RunLexicon}).
 *   <li>Work is cut into chunks of {@value #CHUNK} indices, rendered by {@code threads} workers; images
 *       are written atomically ({@link AtomicFiles}); the calling thread finishes chunks in index order
 *       (LMDB: one transaction per chunk, {@code num-samples} included) and journals each finished chunk
 *       ({@link RunState}).
 *   <li>Index files ({@code annotation.txt}, {@code lexicon.txt}, {@code labels.tsv},
 *       {@code charboxes.jsonl}) are written at the end, atomically, in index order, from
 *       {@link SynthEngine#textOf} and the journal; then the journal is deleted.
 *   <li>On resume: leftover temporary files are deleted, journaled chunks are skipped, and in the
 *       others images already on disk (LMDB: below {@code num-samples}) are not written again
 *       (they are re-rendered only when char boxes are wanted).
 * </ul>
 * Errors (unwritable folder, full disk, bad engine input) stop the run with a {@link SynthException}
 * naming the path; temporary files are removed and complete images stay, so {@code --resume} continues
 * once the cause is fixed.
 */
public final class SynthRun {
  /** Samples per work unit, LMDB transaction and journal entry. */
  public static final int CHUNK = 256;

  private final SynthEngine engine;
  private final RunConfig config;
  private final Path out;

  private final int chunk;
  /** File type of every image of the run: PNG for the lossless document recipe, else JPEG. */
  private final String extension;

  public SynthRun(SynthEngine engine, RunConfig config) {
    this(engine, config, CHUNK);
  }

  /** With another chunk size: lets tests cover many chunks with few images. */
  SynthRun(SynthEngine engine, RunConfig config, int chunkSize) {
    if (chunkSize <= 0) {
      throw new IllegalArgumentException("chunk size must be > 0, got " + chunkSize);
    }
    this.engine = engine;
    this.config = config;
    this.out = config.outDir().toAbsolutePath().normalize();
    this.chunk = chunkSize;
    this.extension = engine.config().recipe().imageExtension();
  }

  /** Result of rendering one chunk. */
  private record ChunkResult(long chunk, List<LmdbWriter.Item> toStore, List<String> boxLines,
      long written, long skipped, long bytes, boolean journaled) {
    static ChunkResult journaled(long chunk, long size) {
      return new ChunkResult(chunk, List.of(), List.of(), 0, size, 0, true);
    }
  }

  /**
   * Runs to completion.
   *
   * @throws SynthException naming the path or input at fault; the output folder then holds only complete
   *     files (plus the journal) and can be resumed
   */
  public RunSummary run(ProgressListener listener) throws SynthException {
    long start = System.nanoTime();
    prepareOutDir();
    long count = config.count();
    long chunks = (count + chunk - 1) / chunk;
    long written = 0;
    long skipped = 0;
    long bytes = 0;
    LmdbWriter lmdb = null;
    ExecutorService pool = null;
    try {
      RunState state = RunState.open(out, params());
      RunLexicon lexicon = RunLexicon.scan(engine, count);
      long lmdbDone = 0;
      if (config.format() == OutputFormat.LMDB) {
        // 64 KB of address space per image (images are 1-3 KB), at most 1 TiB; LMDB grows the map if needed.
        lmdb = LmdbWriter.open(out, Math.min(1L << 40, Math.max(64L << 20, count * 64L * 1024)));
        lmdbDone = lmdb.numSamples();
        if (lmdbDone > count || lmdbDone % chunk != 0 && lmdbDone != count) {
          throw new SynthException("cannot resume LMDB " + out + ": it holds " + lmdbDone
              + " samples, which is not a chunk boundary of a " + count + "-sample run");
        }
      }
      pool = Executors.newFixedThreadPool(config.threads(), daemonThreads());
      Deque<Future<ChunkResult>> window = new ArrayDeque<>();
      long next = 0;
      long done = 0;
      listener.progress(0, count);
      final long lmdbStored = lmdbDone;
      while (next < chunks || !window.isEmpty()) {
        while (next < chunks && window.size() < 2 * config.threads()) {
          long c = next++;
          window.add(state.isDone(c)
              ? CompletableFuture.completedFuture(ChunkResult.journaled(c, chunkEnd(c) - c * chunk))
              : pool.submit(() -> renderChunk(c, lexicon, lmdbStored)));
        }
        ChunkResult r = window.poll().get();
        if (!r.journaled()) {
          if (lmdb != null && !r.toStore().isEmpty()) {
            lmdb.append(r.toStore());
          }
          state.markDone(r.chunk(), r.boxLines());
        }
        written += r.written();
        skipped += r.skipped();
        bytes += r.bytes();
        done += r.written() + r.skipped();
        listener.progress(done, count);
      }
      pool.shutdown();
      if (lmdb != null) {
        LmdbWriter w = lmdb;
        lmdb = null;
        w.rebuildAndClose(state.dir().resolve("rebuild"));
      }
      writeIndexFiles(lexicon, state, chunks);
      if (config.preview().isPresent()) {
        writePreview(config.preview().get());
      }
      state.delete();
    } catch (IOException e) {
      throw failed(e.getMessage(), e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw failed(c.getMessage() == null ? c.toString() : c.getMessage(), c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("interrupted", e);
    } catch (SynthException e) {
      cleanUp();
      throw e;
    } catch (RuntimeException e) {
      throw failed(e.toString(), e);
    } finally {
      if (pool != null) {
        pool.shutdownNow();
        awaitQuietly(pool);
      }
      if (lmdb != null) {
        lmdb.close();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new RunSummary(count, written, skipped, seconds, written / Math.max(seconds, 1e-9), bytes);
  }

  /**
   * Renders and writes the images of samples {@code [from, to)} (file formats only), skipping images
   * already on disk: the unit a sharded runner distributes. Index files are not touched.
   *
   * @return the char-box lines of the range, in index order (empty unless the config asks for char boxes)
   */
  public List<String> writeImages(long from, long to, RunLexicon lexicon) throws IOException {
    if (config.format() == OutputFormat.LMDB) {
      throw new IllegalStateException("LMDB output is written by one process; shard only file formats");
    }
    if (from < 0 || to > config.count() || from > to) {
      throw new IllegalArgumentException("range [" + from + ", " + to + ") is outside [0, " + config.count() + ")");
    }
    List<String> lines = new ArrayList<>();
    for (long i = from; i < to; i++) {
      String text = engine.textOf(i);
      String path = imagePath(i, text, lexicon);
      Path file = out.resolve(path);
      boolean stored = Files.exists(file);
      if (stored && !config.charBoxes()) {
        continue;
      }
      SynthSample s = render(i, text);
      if (!stored) {
        AtomicFiles.write(file, s.jpeg());
      }
      if (config.charBoxes()) {
        lines.add(CharBoxesJsonl.line(new CharBoxesJsonl.Entry(path, s.text(), s.charBoxes())));
      }
    }
    return lines;
  }

  private ChunkResult renderChunk(long c, RunLexicon lexicon, long lmdbStored) throws IOException {
    long from = c * chunk;
    long to = chunkEnd(c);
    List<LmdbWriter.Item> items = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    long written = 0;
    long skipped = 0;
    long bytes = 0;
    for (long i = from; i < to; i++) {
      String text = engine.textOf(i);
      String path = imagePath(i, text, lexicon);
      boolean stored = config.format() == OutputFormat.LMDB
          ? i < lmdbStored
          : config.resume() && Files.exists(out.resolve(path));
      if (stored && !config.charBoxes()) {
        skipped++;
        continue;
      }
      SynthSample s = render(i, text);
      if (stored) {
        skipped++;
      } else {
        if (config.format() == OutputFormat.LMDB) {
          items.add(new LmdbWriter.Item(s.jpeg(), s.text()));
        } else {
          AtomicFiles.write(out.resolve(path), s.jpeg());
        }
        written++;
        bytes += s.jpeg().length;
      }
      if (config.charBoxes()) {
        lines.add(CharBoxesJsonl.line(new CharBoxesJsonl.Entry(path, s.text(), s.charBoxes())));
      }
    }
    return new ChunkResult(c, items, lines, written, skipped, bytes, false);
  }

  private SynthSample render(long i, String text) {
    SynthSample s = engine.render(i);
    if (!s.text().equals(text)) {
      throw new IllegalStateException("engine rendered '" + s.text() + "' for sample " + i
          + " but textOf says '" + text + "': SynthEngine.textOf and render must agree");
    }
    return s;
  }

  /** The path of sample {@code i} relative to the output folder (LMDB: its image key). */
  String imagePath(long i, String text, RunLexicon lexicon) {
    return switch (config.format()) {
      case MJSYNTH -> MjsynthLayout.imagePath(i, text, lexicon.indexOf(text), extension);
      case TSV -> MjsynthLayout.plainImagePath(i, extension);
      case LMDB -> String.format(java.util.Locale.ROOT, "image-%09d", i + 1);
    };
  }

  private long chunkEnd(long c) {
    return Math.min(config.count(), (c + 1) * chunk);
  }

  private void writeIndexFiles(RunLexicon lexicon, RunState state, long chunks) throws IOException {
    if (config.format() == OutputFormat.MJSYNTH) {
      MjsynthAnnotation.writeLexicon(out.resolve(MjsynthAnnotation.LEXICON_FILE_NAME), lexicon.words());
      MjsynthAnnotation.write(out.resolve(MjsynthAnnotation.FILE_NAME), entries(lexicon));
    }
    LabelsTsv.write(out.resolve(LabelsTsv.FILE_NAME), entries(lexicon));
    if (config.charBoxes()) {
      AtomicFiles.writeText(out.resolve(CharBoxesJsonl.FILE_NAME), w -> state.concatenate(chunks, w));
    }
  }

  /** The run's index entries, in index order, computed lazily from {@link SynthEngine#textOf}. */
  public Iterator<DatasetEntry> entries(RunLexicon lexicon) {
    return new Iterator<>() {
      long i;

      @Override
      public boolean hasNext() {
        return i < config.count();
      }

      @Override
      public DatasetEntry next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        String text = engine.textOf(i);
        int idx = lexicon.indexOf(text);
        return new DatasetEntry(imagePath(i++, text, lexicon), text, idx);
      }
    };
  }

  private void writePreview(Path png) throws IOException {
    int n = (int) Math.min(ContactSheet.SAMPLES, config.count());
    List<SynthSample> samples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      samples.add(engine.render(i));
    }
    ContactSheet.write(png, samples);
  }

  private void prepareOutDir() throws SynthException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new SynthException("output directory " + out + " exists and is not a directory");
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new SynthException("cannot create output directory " + out + ": " + reason(e), e);
    }
    if (!Files.isWritable(out)) {
      throw new SynthException("output directory " + out + " is not writable");
    }
    try {
      if (!config.resume()) {
        try (Stream<Path> s = Files.list(out)) {
          if (s.findAny().isPresent()) {
            throw new SynthException("output directory " + out
                + " is not empty: choose an empty directory, or pass --resume to finish an interrupted run there");
          }
        }
      } else {
        AtomicFiles.removeTemps(out);
      }
    } catch (IOException e) {
      throw new SynthException("cannot read output directory " + out + ": " + reason(e), e);
    }
  }

  /** What the output depends on, checked when resuming. */
  private SortedMap<String, String> params() {
    SynthConfig c = engine.config();
    SortedMap<String, String> m = new TreeMap<>();
    m.put("count", Long.toString(config.count()));
    m.put("format", config.format().name());
    m.put("charBoxes", Boolean.toString(config.charBoxes()));
    m.put("seed", Long.toString(c.seed()));
    m.put("dictionary", c.dictionary().toAbsolutePath().normalize().toString());
    m.put("fontsDir", c.fontsDir().toAbsolutePath().normalize().toString());
    m.put("backgroundsDir", c.backgroundsDir().toAbsolutePath().normalize().toString());
    m.put("randomStringRatio", Double.toString(c.randomStringRatio()));
    m.put("caseMode", c.caseMode().name());
    if (c.shortWordRatio() > 0) {
      // only when used, so runs made before the option existed still resume
      m.put("shortWordRatio", Double.toString(c.shortWordRatio()));
    }
    if (c.numberRatio() > 0) {
      m.put("numberRatio", Double.toString(c.numberRatio()));
    }
    if (c.printRatio() > 0) {
      m.put("printRatio", Double.toString(c.printRatio()));
    }
    return m;
  }

  private SynthException failed(String message, Throwable cause) {
    cleanUp();
    return new SynthException("synth run into " + out + " failed: " + message
        + " (complete images were kept; fix the cause and rerun with --resume)", cause);
  }

  private void cleanUp() {
    try {
      AtomicFiles.removeTemps(out);
    } catch (IOException | RuntimeException ignored) {
      // best effort: the next --resume removes them too
    }
  }

  private static String reason(IOException e) {
    return e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
        : String.valueOf(e.getMessage());
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "synth-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
