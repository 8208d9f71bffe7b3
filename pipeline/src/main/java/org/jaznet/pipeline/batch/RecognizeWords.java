package org.jaznet.pipeline.batch;

import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.jaznet.pipeline.io.WordRef;

/**
 * Reads every word: words are spread over a fixed number of groups by image (so boxes of one page and
 * entries of one archive stay together), and each group is read by a {@link GroupReader} (sorted, decoded
 * and recognised in batches of {@link #withBatchSize} with the JVM's one shared model). Every input leaves
 * as a {@link WordResult} ({@link BatchTags#RESULTS}) or a {@link Failure} ({@link BatchTags#FAILURES}).
 * The fixed grouping makes the batches, and so the numbers, the same on every runner. This is the
 * composable form (results as a PCollection, e.g. for {@link WriteResults} or one's own sink); the
 * {@code jaznet batch} run uses {@link RecognizeAndWrite}, which writes each group's results as it reads
 * them so that no runner holds a run's readings.
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
    return new RecognizeWords(Objects.requireNonNull(model, "model"), 64, 16);
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

  static final class RecognizeGroupFn extends DoFn<KV<Integer, Iterable<WordRef>>, WordResult> {
    private static final long serialVersionUID = 1L;
    private final ModelSpec model;
    private final int batchSize;
    private transient GroupReader reader;

    RecognizeGroupFn(ModelSpec model, int batchSize) {
      this.model = model;
      this.batchSize = batchSize;
    }

    @Setup
    public void setup() throws Exception {
      reader = new GroupReader(Models.get(model), batchSize);
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<WordRef>> group, MultiOutputReceiver out) throws Exception {
      reader.read(group.getValue(), new GroupReader.Sink() {
        @Override
        public void result(WordResult r) {
          out.get(BatchTags.RESULTS).output(r);
        }

        @Override
        public void failure(Failure f) {
          out.get(BatchTags.FAILURES).output(f);
        }
      });
    }

    @Teardown
    public void teardown() {
      if (reader != null) {
        reader.close();
      }
    }
  }
}
