package org.jaznet.pipeline.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Combine.CombineFn;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.jaznet.recognizer.eval.Protocol;

/**
 * Scores labelled words under the standard protocol ({@link Protocol}) and renders the accuracy table
 * as TSV lines: one row for the fused reading and one per head. Words without a label are not counted.
 */
public final class ScoreAccuracy extends PTransform<PCollection<WordResult>, PCollection<String>> {
  static final String[] HEADS = java.util.Arrays.stream(org.jaznet.recognizer.HeadKind.values())
      .map(Enum::name).toArray(String[]::new);

  private ScoreAccuracy() {}

  public static ScoreAccuracy of() {
    return new ScoreAccuracy();
  }

  @Override
  public PCollection<String> expand(PCollection<WordResult> results) {
    // Tallies per bundle first: a global Combine on a runner that does not lift combiners (the
    // DirectRunner) would otherwise gather every result of the run in memory before counting.
    return results
        .apply("TallyBundles", ParDo.of(new BundleTallyFn()))
        .setCoder(SerializableCoder.of(Tally.class))
        .apply("Tally", Combine.globally(new MergeTalliesFn()))
        .apply("Table", FlatMapElements.into(TypeDescriptors.strings()).via(Tally::table))
        .setCoder(StringUtf8Coder.of());
  }

  /**
   * Merges tallies (e.g. one per group of {@link RecognizeAndWrite}) into the accuracy table, as one element
   * (the table's lines joined, so its order survives any grouping downstream); nothing when no word had a label.
   */
  public static PTransform<PCollection<Tally>, PCollection<String>> fromTallies() {
    return new PTransform<>() {
      @Override
      public PCollection<String> expand(PCollection<Tally> tallies) {
        return tallies
            .apply("Tally", Combine.globally(new MergeTalliesFn()))
            .apply("Table", FlatMapElements.into(TypeDescriptors.strings()).via(Tally::tableText))
            .setCoder(StringUtf8Coder.of());
      }
    };
  }

  /** Counts of labelled words and of correct readings (fused and per head). */
  public static final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;
    long words;
    long fused;
    final long[] headWords = new long[HEADS.length];
    final long[] headCorrect = new long[HEADS.length];

    /** Counts one reading (nothing when it has no label). */
    public void add(WordResult r) {
      if (r.label() == null) {
        return;
      }
      words++;
      if (Protocol.matches(r.text(), r.label())) {
        fused++;
      }
      for (int i = 0; i < HEADS.length; i++) {
        HeadReading h = r.perHead().get(HEADS[i]);
        if (h != null) {
          headWords[i]++;
          if (Protocol.matches(h.text(), r.label())) {
            headCorrect[i]++;
          }
        }
      }
    }

    void merge(Tally o) {
      words += o.words;
      fused += o.fused;
      for (int i = 0; i < HEADS.length; i++) {
        headWords[i] += o.headWords[i];
        headCorrect[i] += o.headCorrect[i];
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tally t && t.words == words && t.fused == fused
          && java.util.Arrays.equals(t.headWords, headWords) && java.util.Arrays.equals(t.headCorrect, headCorrect);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(words, fused, java.util.Arrays.hashCode(headWords), java.util.Arrays.hashCode(headCorrect));
    }

    public long words() {
      return words;
    }

    public long fusedCorrect() {
      return fused;
    }

    /** The table as one text (lines joined by newlines, no final one), or nothing when no word had a label. */
    public List<String> tableText() {
      List<String> lines = table();
      return lines.isEmpty() ? List.of() : List.of(String.join("\n", lines));
    }

    /** The table; empty when no word had a label. */
    public List<String> table() {
      List<String> lines = new ArrayList<>();
      if (words == 0) {
        return lines;
      }
      lines.add("# word accuracy, protocol: " + Protocol.DESCRIPTION);
      lines.add("reading\twords\tcorrect\taccuracy_pct");
      lines.add(row("fused", words, fused));
      for (int i = 0; i < HEADS.length; i++) {
        if (headWords[i] > 0) {
          lines.add(row(HEADS[i], headWords[i], headCorrect[i]));
        }
      }
      return lines;
    }

    private static String row(String name, long n, long ok) {
      return String.format(Locale.ROOT, "%s\t%d\t%d\t%.2f", name, n, ok, 100.0 * ok / n);
    }
  }

  /** One Tally per bundle, emitted when the bundle ends. */
  static final class BundleTallyFn extends DoFn<WordResult, Tally> {
    private static final long serialVersionUID = 1L;
    private transient Tally tally;

    @StartBundle
    public void start() {
      tally = new Tally();
    }

    @ProcessElement
    public void process(@Element WordResult r) {
      tally.add(r);
    }

    @FinishBundle
    public void finish(FinishBundleContext c) {
      if (tally.words > 0) {
        c.output(tally, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
      tally = null;
    }
  }

  static final class MergeTalliesFn extends CombineFn<Tally, Tally, Tally> {
    private static final long serialVersionUID = 1L;

    @Override
    public Tally createAccumulator() {
      return new Tally();
    }

    @Override
    public Tally addInput(Tally t, Tally part) {
      t.merge(part);
      return t;
    }

    @Override
    public Tally mergeAccumulators(Iterable<Tally> ts) {
      Tally all = new Tally();
      ts.forEach(all::merge);
      return all;
    }

    @Override
    public Tally extractOutput(Tally t) {
      return t;
    }

    @Override
    public Coder<Tally> getAccumulatorCoder(CoderRegistry registry, Coder<Tally> in) {
      return SerializableCoder.of(Tally.class);
    }

    @Override
    public Coder<Tally> getDefaultOutputCoder(CoderRegistry registry, Coder<Tally> in) {
      return SerializableCoder.of(Tally.class);
    }
  }
}
