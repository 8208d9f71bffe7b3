package org.jaznet.pipeline.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.util.MimeTypes;
import org.jaznet.pipeline.io.WordRef;

/**
 * The batch run's reading and writing in one step: words are spread over a fixed number of groups (as in
 * {@link RecognizeWords}), and each group is read and written at once to its own
 * {@code results-GGGGG-of-NNNNN} file and, if any of its words failed, {@code failures-GGGGG-of-NNNNN}
 * file (JSONL or CSV). A group's
 * files are written under a temporary name and renamed when complete, through Beam's
 * {@link FileSystems} (local disks, HDFS, object stores alike), so a retried group replaces its files and
 * a killed run leaves no partial shard. Only a small {@link GroupReport} per group flows on: no runner
 * has to hold the readings of the run (the DirectRunner keeps a step's whole output until all of that
 * step's work is done). The fixed grouping makes the files, and the numbers, the same on every runner.
 */
public final class RecognizeAndWrite extends PTransform<PCollection<WordRef>, PCollection<RecognizeAndWrite.GroupReport>> {
  private final ModelSpec model;
  private final String dir;
  private final OutputFormat format;
  private final int batchSize;
  private final int groups;

  private RecognizeAndWrite(ModelSpec model, String dir, OutputFormat format, int batchSize, int groups) {
    this.model = model;
    this.dir = dir;
    this.format = format;
    this.batchSize = batchSize;
    this.groups = groups;
  }

  /** Reads with {@code model} and writes under {@code dir}; JSONL, batches of 64, 16 groups. */
  public static RecognizeAndWrite to(ModelSpec model, String dir) {
    if (dir == null || dir.isBlank()) {
      throw new IllegalArgumentException("output directory must not be blank");
    }
    return new RecognizeAndWrite(Objects.requireNonNull(model, "model"), dir, OutputFormat.JSONL, 64, 16);
  }

  public RecognizeAndWrite withFormat(OutputFormat f) {
    return new RecognizeAndWrite(model, dir, Objects.requireNonNull(f, "format"), batchSize, groups);
  }

  /** Images per forward pass. */
  public RecognizeAndWrite withBatchSize(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("batch size must be > 0, got " + n);
    }
    return new RecognizeAndWrite(model, dir, format, n, groups);
  }

  /** Groups, and so result and failure files at most; bounds the parallelism. */
  public RecognizeAndWrite withGroups(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("groups must be > 0, got " + n);
    }
    return new RecognizeAndWrite(model, dir, format, batchSize, n);
  }

  /**
   * What one group produced.
   *
   * @param group the group number
   * @param results words read
   * @param failures words that could not be read
   * @param tally the labelled words' accuracy counts
   */
  public record GroupReport(int group, long results, long failures, ScoreAccuracy.Tally tally) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  @Override
  public PCollection<GroupReport> expand(PCollection<WordRef> refs) {
    return refs
        .apply("GroupByImage", ParDo.of(new RecognizeWords.GroupKeyFn(groups)))
        .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(WordRef.class)))
        .apply("Gather", GroupByKey.create())
        .apply("RecognizeAndWrite", ParDo.of(new WriteGroupFn(model, dir, format, batchSize, groups)))
        .setCoder(SerializableCoder.of(GroupReport.class));
  }

  /** The name of a group's file: {@code <kind>-GGGGG-of-NNNNN<suffix>}, as Beam names its shards. */
  static String fileName(String kind, int group, int groups, OutputFormat format) {
    return String.format(Locale.ROOT, "%s-%05d-of-%05d%s", kind, group, groups, format.suffix());
  }

  static final class WriteGroupFn extends DoFn<KV<Integer, Iterable<WordRef>>, GroupReport> {
    private static final long serialVersionUID = 1L;
    private final ModelSpec model;
    private final String dir;
    private final OutputFormat format;
    private final int batchSize;
    private final int groups;
    private transient GroupReader reader;

    WriteGroupFn(ModelSpec model, String dir, OutputFormat format, int batchSize, int groups) {
      this.model = model;
      this.dir = dir;
      this.format = format;
      this.batchSize = batchSize;
      this.groups = groups;
    }

    @Setup
    public void setup() throws Exception {
      reader = new GroupReader(Models.get(model), batchSize);
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<WordRef>> group, OutputReceiver<GroupReport> out)
        throws Exception {
      int g = group.getKey();
      String tmp = ".tmp-" + UUID.randomUUID() + "-";
      ResourceId results = file("", "results", g);
      ResourceId failures = file("", "failures", g);
      ResourceId resultsTmp = file(tmp, "results", g);
      ResourceId failuresTmp = file(tmp, "failures", g);
      ScoreAccuracy.Tally tally = new ScoreAccuracy.Tally();
      long[] counts = new long[2];
      Writer[] failureWriter = new Writer[1];
      try (Writer rw = open(resultsTmp, Records.resultsHeader(format))) {
        try {
          reader.read(group.getValue(), new GroupReader.Sink() {
            @Override
            public void result(WordResult r) throws IOException {
              rw.write(Records.line(r, format));
              rw.write('\n');
              tally.add(r);
              counts[0]++;
            }

            @Override
            public void failure(Failure f) throws IOException {
              if (failureWriter[0] == null) {
                // only groups with failures get a failures file
                failureWriter[0] = open(failuresTmp, Records.failuresHeader(format));
              }
              failureWriter[0].write(Records.line(f, format));
              failureWriter[0].write('\n');
              counts[1]++;
            }
          });
        } finally {
          if (failureWriter[0] != null) {
            failureWriter[0].close();
          }
        }
      } catch (Exception e) {
        FileSystems.delete(List.of(resultsTmp, failuresTmp), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
        throw e;
      }
      if (failureWriter[0] != null) {
        FileSystems.rename(List.of(resultsTmp, failuresTmp), List.of(results, failures));
      } else {
        FileSystems.rename(List.of(resultsTmp), List.of(results));
      }
      out.output(new GroupReport(g, counts[0], counts[1], tally));
    }

    private ResourceId file(String prefix, String kind, int group) {
      return FileSystems.matchNewResource(dir, true)
          .resolve(prefix + fileName(kind, group, groups, format), ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
    }

    private static Writer open(ResourceId file, String header) throws IOException {
      Writer w = new BufferedWriter(new OutputStreamWriter(
          Channels.newOutputStream(FileSystems.create(file, MimeTypes.TEXT)), StandardCharsets.UTF_8), 1 << 16);
      if (header != null) {
        w.write(header);
        w.write('\n');
      }
      return w;
    }

    @Teardown
    public void teardown() {
      if (reader != null) {
        reader.close();
      }
    }
  }
}
