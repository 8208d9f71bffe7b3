package org.jaznet.pipeline.batch;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.jaznet.pipeline.io.Box;
import org.jaznet.pipeline.io.EntryReader;
import org.jaznet.pipeline.io.ImageDecoder;
import org.jaznet.pipeline.io.ImageRejectedException;
import org.jaznet.pipeline.io.WordRef;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.HeadResult;
import org.jaznet.recognizer.Recognition;
import org.jaznet.recognizer.Recognizer;

/**
 * Reads one group of words: sorts it (so a compressed tar is read forward and a page decoded once for
 * all its boxes), decodes and recognises it in batches, and hands every word to a {@link Sink} as a
 * {@link WordResult} or a {@link Failure}. One instance per DoFn instance (not thread-safe); counts the
 * batch metrics.
 */
final class GroupReader implements AutoCloseable {
  /** Where the words of a group go, in the group's sorted order. */
  interface Sink {
    void result(WordResult r) throws Exception;

    void failure(Failure f) throws Exception;
  }

  static final Comparator<WordRef> ORDER = Comparator.comparing(WordRef::path)
      .thenComparingInt(WordRef::ordinal)
      .thenComparing(r -> r.entry() == null ? "" : r.entry())
      .thenComparing(r -> r.box() == null ? "" : r.box().toString())
      .thenComparing(r -> r.label() == null ? "" : r.label());

  private final Recognizer recognizer;
  private final int batchSize;
  private final EntryReader reader = new EntryReader();
  private final Counter images = BatchTags.counter(BatchTags.IMAGES);
  private final Counter failed = BatchTags.counter(BatchTags.FAILURE_COUNT);
  private final Counter bytes = BatchTags.counter(BatchTags.BYTES);
  private final Distribution batchSizes = Metrics.distribution(BatchTags.NAMESPACE, "batchSize");
  private String pageKey;
  private BufferedImage page;

  GroupReader(Recognizer recognizer, int batchSize) {
    this.recognizer = recognizer;
    this.batchSize = batchSize;
  }

  /** Reads every word of {@code group}; each one reaches {@code sink} exactly once. */
  void read(Iterable<WordRef> group, Sink sink) throws Exception {
    List<WordRef> refs = new ArrayList<>();
    group.forEach(refs::add);
    refs.sort(ORDER);
    try {
      for (int from = 0; from < refs.size(); from += batchSize) {
        batch(refs.subList(from, Math.min(refs.size(), from + batchSize)), sink);
      }
    } finally {
      page = null;
      pageKey = null;
    }
  }

  private void batch(List<WordRef> refs, Sink sink) throws Exception {
    List<WordRef> ok = new ArrayList<>(refs.size());
    List<BufferedImage> imgs = new ArrayList<>(refs.size());
    for (WordRef ref : refs) {
      try {
        imgs.add(load(ref));
        ok.add(ref);
      } catch (ImageRejectedException e) {
        fail(sink, ref, e.getMessage());
      } catch (RuntimeException e) {
        fail(sink, ref, "decoder error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    if (imgs.isEmpty()) {
      return;
    }
    List<Recognition> recs;
    try {
      recs = recognizer.recognizeAll(imgs);
      if (recs.size() != imgs.size()) {
        throw new IllegalStateException("recognizer returned " + recs.size() + " readings for " + imgs.size() + " images");
      }
    } catch (Exception e) {
      if (imgs.size() > 1) {
        // one bad image must not fail its batch-mates: isolate it
        for (int i = 0; i < imgs.size(); i++) {
          single(ok.get(i), imgs.get(i), sink);
        }
        return;
      }
      fail(sink, ok.get(0), "recognizer: " + e.getMessage());
      return;
    }
    batchSizes.update(imgs.size());
    for (int i = 0; i < recs.size(); i++) {
      emit(sink, ok.get(i), recs.get(i));
    }
  }

  private void single(WordRef ref, BufferedImage img, Sink sink) throws Exception {
    Recognition r;
    try {
      r = recognizer.recognizeAll(List.of(img)).get(0);
    } catch (Exception e) {
      fail(sink, ref, "recognizer: " + e.getMessage());
      return;
    }
    emit(sink, ref, r);
  }

  private BufferedImage load(WordRef ref) throws ImageRejectedException {
    String key = ref.imageKey();
    BufferedImage img;
    if (key.equals(pageKey)) {
      img = page;
    } else {
      byte[] b = reader.read(ref);
      bytes.inc(b.length);
      img = ImageDecoder.decode(b);
      if (ref.box() != null) {
        pageKey = key;
        page = img;
      }
    }
    Box box = ref.box();
    return box == null ? img : ImageDecoder.crop(img, box);
  }

  private void emit(Sink sink, WordRef ref, Recognition r) throws Exception {
    Map<String, HeadReading> heads = new LinkedHashMap<>();
    for (Map.Entry<HeadKind, HeadResult> e : r.perHead().entrySet()) {
      heads.put(e.getKey().name(), new HeadReading(e.getValue().text(), e.getValue().score()));
    }
    images.inc();
    sink.result(new WordResult(ref.source(), ref.path(), ref.entry(), ref.box(), r.text(), r.confidence(), heads,
        ref.label()));
  }

  private void fail(Sink sink, WordRef ref, String reason) throws Exception {
    failed.inc();
    sink.failure(new Failure(ref.source(), reason));
  }

  @Override
  public void close() {
    reader.close();
  }
}
