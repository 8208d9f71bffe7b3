package org.jaznet.pipeline.batch;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
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
 * Reads every word: words are spread over a fixed number of groups by image (so boxes of one page and
 * entries of one archive stay together), each group is sorted (so a compressed tar is read forward and a
 * page decoded once for all its boxes), decoded and recognised in batches of {@link #withBatchSize}
 * with the JVM's one shared model. Every input leaves as a {@link WordResult} ({@link BatchTags#RESULTS})
 * or a {@link Failure} ({@link BatchTags#FAILURES}). The fixed grouping makes the batches, and so the
 * numbers, the same on every runner.
 */
public final class RecognizeWords extends PTransform<PCollection<WordRef>, PCollectionTuple> {
  private final ModelSpec model;
  private final int batchSize;
  private final int groups;

  private RecognizeWords(ModelSpec model, int batchSize, int groups) {
    this.model = model;
    this.batchSize = batchSize;
    this.groups = groups;
  }

  public static RecognizeWords with(ModelSpec model) {
    return new RecognizeWords(Objects.requireNonNull(model, "model"), 32, 16);
  }

  /** Images per forward pass (default 32). */
  public RecognizeWords withBatchSize(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("batch size must be > 0, got " + n);
    }
    return new RecognizeWords(model, n, groups);
  }

  /** How many groups the words are spread over; bounds the parallelism (default 16). */
  public RecognizeWords withGroups(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("groups must be > 0, got " + n);
    }
    return new RecognizeWords(model, batchSize, n);
  }

  @Override
  public PCollectionTuple expand(PCollection<WordRef> refs) {
    PCollectionTuple out = refs
        .apply("GroupByImage", ParDo.of(new GroupKeyFn(groups)))
        .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(WordRef.class)))
        .apply("Gather", GroupByKey.create())
        .apply("Recognize", ParDo.of(new RecognizeGroupFn(model, batchSize))
            .withOutputTags(BatchTags.RESULTS, TupleTagList.of(BatchTags.FAILURES)));
    out.get(BatchTags.RESULTS).setCoder(SerializableCoder.of(WordResult.class));
    out.get(BatchTags.FAILURES).setCoder(SerializableCoder.of(Failure.class));
    return out;
  }

  static final class GroupKeyFn extends DoFn<WordRef, KV<Integer, WordRef>> {
    private static final long serialVersionUID = 1L;
    private final int groups;

    GroupKeyFn(int groups) {
      this.groups = groups;
    }

    @ProcessElement
    public void process(@Element WordRef ref, OutputReceiver<KV<Integer, WordRef>> out) {
      // String.hashCode is specified, so the grouping is the same in every JVM and runner
      out.output(KV.of(Math.floorMod(ref.imageKey().hashCode(), groups), ref));
    }
  }

  static final Comparator<WordRef> ORDER = Comparator.comparing(WordRef::path)
      .thenComparingInt(WordRef::ordinal)
      .thenComparing(r -> r.entry() == null ? "" : r.entry())
      .thenComparing(r -> r.box() == null ? "" : r.box().toString())
      .thenComparing(r -> r.label() == null ? "" : r.label());

  static final class RecognizeGroupFn extends DoFn<KV<Integer, Iterable<WordRef>>, WordResult> {
    private static final long serialVersionUID = 1L;
    private final ModelSpec model;
    private final int batchSize;
    private final Counter images = BatchTags.counter(BatchTags.IMAGES);
    private final Counter failed = BatchTags.counter(BatchTags.FAILURE_COUNT);
    private final Counter bytes = BatchTags.counter(BatchTags.BYTES);
    private final Distribution batchSizes = Metrics.distribution(BatchTags.NAMESPACE, "batchSize");
    private transient Recognizer recognizer;
    private transient EntryReader reader;
    private transient String pageKey;
    private transient BufferedImage page;

    RecognizeGroupFn(ModelSpec model, int batchSize) {
      this.model = model;
      this.batchSize = batchSize;
    }

    @Setup
    public void setup() throws Exception {
      recognizer = Models.get(model);
      reader = new EntryReader();
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<WordRef>> group, MultiOutputReceiver out) {
      List<WordRef> refs = new ArrayList<>();
      group.getValue().forEach(refs::add);
      refs.sort(ORDER);
      try {
        for (int from = 0; from < refs.size(); from += batchSize) {
          batch(refs.subList(from, Math.min(refs.size(), from + batchSize)), out);
        }
      } finally {
        page = null;
        pageKey = null;
      }
    }

    private void batch(List<WordRef> refs, MultiOutputReceiver out) {
      List<WordRef> ok = new ArrayList<>(refs.size());
      List<BufferedImage> imgs = new ArrayList<>(refs.size());
      for (WordRef ref : refs) {
        try {
          imgs.add(load(ref));
          ok.add(ref);
        } catch (ImageRejectedException e) {
          fail(out, ref, e.getMessage());
        } catch (RuntimeException e) {
          fail(out, ref, "decoder error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
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
            single(ok.get(i), imgs.get(i), out);
          }
          return;
        }
        fail(out, ok.get(0), "recognizer: " + e.getMessage());
        return;
      }
      batchSizes.update(imgs.size());
      for (int i = 0; i < recs.size(); i++) {
        emit(out, ok.get(i), recs.get(i));
      }
    }

    private void single(WordRef ref, BufferedImage img, MultiOutputReceiver out) {
      try {
        emit(out, ref, recognizer.recognizeAll(List.of(img)).get(0));
      } catch (Exception e) {
        fail(out, ref, "recognizer: " + e.getMessage());
      }
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

    private void emit(MultiOutputReceiver out, WordRef ref, Recognition r) {
      Map<String, HeadReading> heads = new LinkedHashMap<>();
      for (Map.Entry<HeadKind, HeadResult> e : r.perHead().entrySet()) {
        heads.put(e.getKey().name(), new HeadReading(e.getValue().text(), e.getValue().score()));
      }
      images.inc();
      out.get(BatchTags.RESULTS).output(new WordResult(ref.source(), ref.path(), ref.entry(), ref.box(),
          r.text(), r.confidence(), heads, ref.label()));
    }

    private void fail(MultiOutputReceiver out, WordRef ref, String reason) {
      failed.inc();
      out.get(BatchTags.FAILURES).output(new Failure(ref.source(), reason));
    }

    @Teardown
    public void teardown() {
      if (reader != null) {
        reader.close();
      }
    }
  }
}
