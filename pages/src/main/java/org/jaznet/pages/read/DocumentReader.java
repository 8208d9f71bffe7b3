package org.jaznet.pages.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.input.PageLimits;
import org.jaznet.pages.input.PageSource;
import org.jaznet.pages.input.PageSources;

/**
 * Reads files of pages into {@link DocumentResult}s. Pages are decoded in order on the calling thread,
 * detected on {@code threads} worker threads meanwhile, and the words of up to {@code pagesPerBatch}
 * pages (of one file or several) are read in shared batched forward passes. Every input ends as a
 * result, a failure, or both (a file whose bad pages fail while its good pages are read). Not
 * thread-safe; close it to stop its threads.
 */
public final class DocumentReader implements AutoCloseable {
  /** Where the readings go, in input order. */
  public interface Sink {
    void document(DocumentResult doc, PageInput input) throws IOException;

    void failure(PageFailure failure);

    /** Called for every page read, with its pixels, before its document is complete (e.g. to draw it). */
    default void page(PageImage image, PageResult result) throws IOException {}
  }

  private final PageReader reader;
  private final PageLimits limits;
  private final int pagesPerBatch;
  private final ExecutorService pool;
  private final ExecutorService recognition = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "jaznet-recognition");
    t.setDaemon(true);
    return t;
  });

  public DocumentReader(PageReader reader, PageLimits limits, int threads, int pagesPerBatch) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.limits = Objects.requireNonNull(limits, "limits");
    if (threads < 1 || pagesPerBatch < 1) {
      throw new IllegalArgumentException("threads and pagesPerBatch must be >= 1, got " + threads + ", " + pagesPerBatch);
    }
    this.pagesPerBatch = pagesPerBatch;
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "jaznet-detect");
      t.setDaemon(true);
      return t;
    });
  }

  /** One input being read: its pages' results fill in as batches finish. */
  private static final class Doc {
    final PageInput input;
    final int pages;
    final PageResult[] results;
    int done;

    Doc(PageInput input, int pages) {
      this.input = input;
      this.pages = pages;
      this.results = new PageResult[pages];
    }
  }

  private record Slot(Doc doc, int page, Future<PageReader.DetectedPage> detected) {}

  /** Reads every input; returns where the time went. */
  public ReadTimes read(List<PageInput> inputs, Sink sink) throws IOException {
    long t0 = System.nanoTime();
    long[] times = new long[3];
    long[] counts = new long[2];
    List<Slot> window = new ArrayList<>();
    List<Doc> open = new ArrayList<>();
    for (PageInput in : inputs) {
      long d0 = System.nanoTime();
      PageSource src;
      try {
        src = PageSources.open(in.source(), in.bytes().read(), limits);
      } catch (PageException e) {
        sink.failure(new PageFailure(in.source(), e.getMessage()));
        continue;
      } catch (IOException | RuntimeException e) {
        sink.failure(new PageFailure(in.source(), "cannot read: " + e));
        continue;
      } finally {
        times[0] += System.nanoTime() - d0;
      }
      try (src) {
        Doc doc = new Doc(in, src.pageCount());
        open.add(doc);
        for (int p = 1; p <= doc.pages; p++) {
          long p0 = System.nanoTime();
          PageImage img;
          try {
            img = src.page(p);
          } catch (PageException | RuntimeException e) {
            String msg = e instanceof PageException ? e.getMessage() : PageImage.id(in.source(), p) + ": " + e;
            sink.failure(new PageFailure(PageImage.id(in.source(), p), msg));
            doc.done++;
            continue;
          } finally {
            times[0] += System.nanoTime() - p0;
          }
          window.add(new Slot(doc, p, pool.submit(() -> reader.detect(img))));
          if (window.size() >= pagesPerBatch) {
            flush(window, open, sink, times, counts);
          }
        }
      }
      emitDone(open, sink);
    }
    flush(window, open, sink, times, counts);
    drain(open, sink, times, counts);
    return new ReadTimes(counts[0], counts[1], times[0], times[1], times[2], System.nanoTime() - t0);
  }

  /** A window of detected pages in recognition: the pages, and the future of their readings (with its time). */
  private record InFlight(List<Slot> slots, List<PageReader.DetectedPage> detected, Future<List<PageResult>> results,
      long[] nanos) {}

  private InFlight pending;

  /**
   * Waits for the window's detections and hands its pages to the recognition thread, then applies the
   * previous window's readings: the calling thread decodes and detects the next pages while the
   * recogniser works. Every sink call and all bookkeeping stay on the calling thread.
   */
  private void flush(List<Slot> window, List<Doc> open, Sink sink, long[] times, long[] counts) throws IOException {
    InFlight previous = pending;
    pending = null;
    if (!window.isEmpty()) {
      List<Slot> ok = new ArrayList<>(window.size());
      List<PageReader.DetectedPage> detected = new ArrayList<>(window.size());
      for (Slot s : window) {
        String id = PageImage.id(s.doc.input.source(), s.page);
        try {
          PageReader.DetectedPage d = s.detected.get();
          detected.add(d);
          ok.add(s);
          times[1] += d.detectNanos();
        } catch (ExecutionException e) {
          sink.failure(new PageFailure(id, "word detection failed: " + e.getCause()));
          s.doc.done++;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while reading " + id, e);
        }
      }
      window.clear();
      long[] nanos = new long[1];
      pending = new InFlight(ok, detected, recognition.submit(() -> {
        long r0 = System.nanoTime();
        try {
          return reader.recognize(detected);
        } finally {
          nanos[0] = System.nanoTime() - r0;
        }
      }), nanos);
    }
    if (previous != null) {
      apply(previous, sink, times, counts);
    }
    emitDone(open, sink);
  }

  /** Waits for everything in flight. */
  private void drain(List<Doc> open, Sink sink, long[] times, long[] counts) throws IOException {
    if (pending != null) {
      InFlight last = pending;
      pending = null;
      apply(last, sink, times, counts);
    }
    emitDone(open, sink);
  }

  private void apply(InFlight f, Sink sink, long[] times, long[] counts) throws IOException {
    try {
      List<PageResult> results = f.results().get();
      for (int i = 0; i < f.slots().size(); i++) {
        Slot s = f.slots().get(i);
        s.doc.results[s.page - 1] = results.get(i);
        sink.page(f.detected().get(i).page(), results.get(i));
        s.doc.done++;
        counts[0]++;
        counts[1] += results.get(i).words().size();
      }
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      for (Slot s : f.slots()) {
        sink.failure(new PageFailure(PageImage.id(s.doc.input.source(), s.page), "recognition failed: " + c.getMessage()));
        s.doc.done++;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while recognising", e);
    }
    times[2] += f.nanos()[0];
  }

  /** Emits, in input order, every document whose pages are all done. */
  private static void emitDone(List<Doc> open, Sink sink) throws IOException {
    while (!open.isEmpty() && open.get(0).done >= open.get(0).pages) {
      Doc d = open.remove(0);
      List<PageResult> pages = new ArrayList<>();
      for (PageResult r : d.results) {
        if (r != null) {
          pages.add(r);
        }
      }
      if (!pages.isEmpty()) {
        sink.document(new DocumentResult(d.input.source(), pages), d.input);
      }
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    recognition.shutdownNow();
  }
}
