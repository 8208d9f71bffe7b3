package org.jaznet.pipeline.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.jaznet.pipeline.io.ArchiveKind;
import org.jaznet.pipeline.io.ArchiveLister;
import org.jaznet.pipeline.io.GlobLister;
import org.jaznet.pipeline.io.InputKind;
import org.jaznet.pipeline.io.InputSpec;
import org.jaznet.pipeline.io.ManifestParser;
import org.jaznet.pipeline.io.WordRef;

/**
 * Expands input specs into one {@link WordRef} per word ({@link BatchTags#REFS}) and a {@link Failure}
 * per unreadable spec, archive or malformed manifest line ({@link BatchTags#FAILURES}). Streams: no
 * list of all inputs is ever built. With {@link #withLabels}, a {@code path<TAB>label} file adds labels
 * to the words of matching files and entries (manifest labels win).
 */
public final class ReadImages extends PTransform<PBegin, PCollectionTuple> {
  private final List<InputSpec> inputs;
  private final String labelsFile;

  private ReadImages(List<InputSpec> inputs, String labelsFile) {
    this.inputs = List.copyOf(inputs);
    this.labelsFile = labelsFile;
  }

  public static ReadImages from(List<InputSpec> inputs) {
    if (inputs == null || inputs.isEmpty()) {
      throw new IllegalArgumentException("at least one input spec is needed");
    }
    return new ReadImages(inputs, null);
  }

  public static ReadImages from(InputSpec input) {
    return from(List.of(Objects.requireNonNull(input, "input")));
  }

  /** Labels file: {@code path<TAB>label} per line, paths relative to the file's directory. */
  public ReadImages withLabels(String file) {
    if (file == null || file.isBlank()) {
      throw new IllegalArgumentException("labels file must not be blank");
    }
    return new ReadImages(inputs, file);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    PCollectionTuple expanded = begin
        .apply("Specs", Create.of(inputs).withCoder(SerializableCoder.of(InputSpec.class)))
        .apply("Expand", ParDo.of(new ExpandFn()).withOutputTags(BatchTags.REFS, TupleTagList.of(BatchTags.FAILURES)));
    PCollection<WordRef> refs = expanded.get(BatchTags.REFS).setCoder(SerializableCoder.of(WordRef.class));
    PCollection<Failure> failures = expanded.get(BatchTags.FAILURES).setCoder(SerializableCoder.of(Failure.class));
    if (labelsFile != null) {
      refs = applyLabels(begin, refs);
    }
    return PCollectionTuple.of(BatchTags.REFS, refs).and(BatchTags.FAILURES, failures);
  }

  /**
   * Buckets the labels file and the words join in. Joining by image key would make one key, and on the
   * DirectRunner one bundle, per image: measured 2 s without labels vs 121-250 s with them for 20,000
   * words. By bucket, each bucket's labels are looked up in a map (a bucket holds 1/64 of the labels).
   */
  static final int LABEL_BUCKETS = 64;

  static int bucket(String imageKey) {
    // String.hashCode is specified, so the buckets are the same in every JVM and runner
    return Math.floorMod(imageKey.hashCode(), LABEL_BUCKETS);
  }

  private PCollection<WordRef> applyLabels(PBegin begin, PCollection<WordRef> refs) {
    TupleTag<WordRef> refTag = new TupleTag<>() {};
    TupleTag<KV<String, String>> labelTag = new TupleTag<>() {};
    PCollection<KV<Integer, WordRef>> keyed = refs.apply("BucketWords", ParDo.of(new KeyRefFn()))
        .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(WordRef.class)));
    PCollection<KV<Integer, KV<String, String>>> labels = begin
        .apply("LabelsFile", Create.of(labelsFile))
        .apply("ReadLabels", ParDo.of(new ReadLabelsFn()))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
    return KeyedPCollectionTuple.of(refTag, keyed).and(labelTag, labels)
        .apply("JoinLabels", CoGroupByKey.create())
        .apply("Label", ParDo.of(new LabelFn(refTag, labelTag)))
        .setCoder(SerializableCoder.of(WordRef.class));
  }

  /** Reads a labels file into (image key, label); a malformed line fails the run (checked up front). */
  public static List<String> checkLabelsFile(Path file) throws IOException {
    List<String> problems = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null && problems.size() < 10) {
        no++;
        if (!line.isBlank() && !line.startsWith("#") && line.indexOf('\t') <= 0) {
          problems.add(file + ":" + no + ": expected 'path<TAB>label'");
        }
      }
    }
    return problems;
  }

  static final class ExpandFn extends DoFn<InputSpec, WordRef> {
    private static final long serialVersionUID = 1L;
    private final Counter failed = BatchTags.counter(BatchTags.FAILURE_COUNT);

    @ProcessElement
    public void process(@Element InputSpec spec, MultiOutputReceiver out) {
      OutputReceiver<WordRef> refs = out.get(BatchTags.REFS);
      OutputReceiver<Failure> failures = out.get(BatchTags.FAILURES);
      switch (spec.kind()) {
        case GLOB -> {
          try {
            GlobLister.list(spec.spec(), p -> {
              if (ArchiveKind.ofName(p.getFileName().toString()).isPresent()) {
                archive(p, refs, failures);
              } else {
                refs.output(WordRef.file(p.toString()));
              }
            });
          } catch (IOException e) {
            fail(failures, spec.spec(), e.getMessage());
          }
        }
        case ARCHIVE -> archive(Path.of(spec.spec()), refs, failures);
        case MANIFEST_CSV, MANIFEST_JSONL -> manifest(spec, refs, failures);
      }
    }

    private void archive(Path p, OutputReceiver<WordRef> refs, OutputReceiver<Failure> failures) {
      long[] listed = {0};
      try {
        ArchiveLister.list(p, r -> {
          refs.output(r);
          listed[0]++;
        });
      } catch (IOException | RuntimeException e) {
        String what = listed[0] == 0 ? "unreadable archive" : "archive broken after " + listed[0] + " image entries";
        fail(failures, p.toAbsolutePath().normalize().toString(),
            what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      }
    }

    private void manifest(InputSpec spec, OutputReceiver<WordRef> refs, OutputReceiver<Failure> failures) {
      Path file = Path.of(spec.spec()).toAbsolutePath().normalize();
      Path base = file.getParent();
      boolean csv = spec.kind() == InputKind.MANIFEST_CSV;
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        int no = 0;
        while ((line = r.readLine()) != null) {
          no++;
          try {
            if (ManifestParser.isIgnorable(line, csv, no == 1)) {
              continue;
            }
            refs.output(csv ? ManifestParser.parseCsv(line, base) : ManifestParser.parseJson(line, base));
          } catch (IllegalArgumentException e) {
            fail(failures, file + ":" + no, "malformed manifest line: " + e.getMessage());
          }
        }
      } catch (IOException | RuntimeException e) {
        fail(failures, file.toString(), "unreadable manifest: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }

    private void fail(OutputReceiver<Failure> failures, String source, String reason) {
      failed.inc();
      failures.output(new Failure(source, reason));
    }
  }

  static final class KeyRefFn extends DoFn<WordRef, KV<Integer, WordRef>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element WordRef ref, OutputReceiver<KV<Integer, WordRef>> out) {
      out.output(KV.of(bucket(ref.imageKey()), ref));
    }
  }

  static final class ReadLabelsFn extends DoFn<String, KV<Integer, KV<String, String>>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element String file, OutputReceiver<KV<Integer, KV<String, String>>> out)
        throws IOException {
      Path f = Path.of(file).toAbsolutePath().normalize();
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          int tab = line.indexOf('\t');
          if (line.isBlank() || line.startsWith("#") || tab <= 0) {
            continue;
          }
          String name = line.substring(0, tab);
          String rest = line.substring(tab + 1);
          int tab2 = rest.indexOf('\t');
          String label = tab2 < 0 ? rest : rest.substring(0, tab2);
          int bang = name.indexOf('!');
          String file0 = bang < 0 ? name : name.substring(0, bang);
          String key = f.getParent().resolve(file0).normalize().toString() + (bang < 0 ? "" : name.substring(bang));
          out.output(KV.of(bucket(key), KV.of(key, label.strip())));
        }
      }
    }
  }

  static final class LabelFn extends DoFn<KV<Integer, CoGbkResult>, WordRef> {
    private static final long serialVersionUID = 1L;
    private final TupleTag<WordRef> refTag;
    private final TupleTag<KV<String, String>> labelTag;

    LabelFn(TupleTag<WordRef> refTag, TupleTag<KV<String, String>> labelTag) {
      this.refTag = refTag;
      this.labelTag = labelTag;
    }

    @ProcessElement
    public void process(@Element KV<Integer, CoGbkResult> e, OutputReceiver<WordRef> out) {
      Map<String, String> labels = new HashMap<>();
      for (KV<String, String> l : e.getValue().getAll(labelTag)) {
        // an image listed twice: the smaller label, so that every runner (in any order) agrees
        labels.merge(l.getKey(), l.getValue(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
      for (WordRef ref : e.getValue().getAll(refTag)) {
        String label = ref.label() == null ? labels.get(ref.imageKey()) : null;
        out.output(label != null ? ref.withLabel(label) : ref);
      }
    }
  }
}
