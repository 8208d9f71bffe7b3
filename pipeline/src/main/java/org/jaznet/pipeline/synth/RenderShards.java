package org.jaznet.pipeline.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.LongStream;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.jaznet.synth.SynthEngine;
import org.jaznet.synth.io.AtomicFiles;
import org.jaznet.synth.run.RunLexicon;
import org.jaznet.synth.run.SynthRun;

/**
 * Renders shards of a synthetic run: shard {@code k} is samples {@code [k*size, min(count,(k+1)*size))},
 * written with {@link SynthRun#writeImages} (atomic files; images already present are kept). Outputs the
 * shard numbers done. Char-box lines of a shard go to {@code .shards/charboxes-K.jsonl}, joined in
 * order by {@link ShardedSynth} at the end.
 */
public final class RenderShards extends PTransform<PBegin, PCollection<Long>> {
  static final String SHARD_DIR = ".shards";
  private final SynthSpec spec;
  private final long shardSize;
  private final List<Long> only;

  private RenderShards(SynthSpec spec, long shardSize, List<Long> only) {
    this.spec = spec;
    this.shardSize = shardSize;
    this.only = only;
  }

  public static RenderShards of(SynthSpec spec) {
    return new RenderShards(Objects.requireNonNull(spec, "spec"), 1024, null);
  }

  /** Samples per shard (default 1024). */
  public RenderShards withShardSize(long n) {
    if (n <= 0) {
      throw new IllegalArgumentException("shard size must be > 0, got " + n);
    }
    return new RenderShards(spec, n, only);
  }

  /** Renders only these shards (to regenerate some independently). */
  public RenderShards withShards(List<Long> shards) {
    long n = shardCount(spec.count(), shardSize);
    for (long k : shards) {
      if (k < 0 || k >= n) {
        throw new IllegalArgumentException("shard " + k + " is outside [0, " + n + ")");
      }
    }
    return new RenderShards(spec, shardSize, List.copyOf(shards));
  }

  static long shardCount(long count, long size) {
    return (count + size - 1) / size;
  }

  @Override
  public PCollection<Long> expand(PBegin begin) {
    List<Long> shards = only != null ? only
        : LongStream.range(0, shardCount(spec.count(), shardSize)).boxed().toList();
    return begin
        .apply("Shards", Create.of(shards).withCoder(VarLongCoder.of()))
        .apply("Spread", Reshuffle.viaRandomKey())
        .apply("Render", ParDo.of(new RenderFn(spec, shardSize)))
        .setCoder(VarLongCoder.of());
  }

  static Path shardBoxes(Path out, long shard) {
    return out.resolve(SHARD_DIR).resolve(String.format(Locale.ROOT, "charboxes-%09d.jsonl", shard));
  }

  static final class RenderFn extends DoFn<Long, Long> {
    private static final long serialVersionUID = 1L;
    private final SynthSpec spec;
    private final long shardSize;
    private final Counter images = Metrics.counter("jaznet", "synthImages");
    private transient SynthRun run;
    private transient RunLexicon lexicon;

    RenderFn(SynthSpec spec, long shardSize) {
      this.spec = spec;
      this.shardSize = shardSize;
    }

    @Setup
    public void setup() throws Exception {
      SynthEngine engine = SynthEngine.create(spec.synthConfig());
      run = new SynthRun(engine, spec.runConfig());
      // depends only on the engine config and the count: every worker computes the same one
      lexicon = RunLexicon.scan(engine, spec.count());
    }

    @ProcessElement
    public void process(@Element Long shard, OutputReceiver<Long> out) throws IOException {
      long from = shard * shardSize;
      long to = Math.min(spec.count(), from + shardSize);
      List<String> boxes = run.writeImages(from, to, lexicon);
      if (spec.charBoxes()) {
        AtomicFiles.writeText(shardBoxes(Path.of(spec.outDir()), shard), w -> {
          for (String line : boxes) {
            w.write(line);
            w.write('\n');
          }
        });
      }
      images.inc(to - from);
      out.output(shard);
    }
  }
}
