package org.jaznet.pipeline.pages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.jaznet.pages.DocumentResult;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageImage;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;
import org.jaznet.pages.detect.DetectedWord;
import org.jaznet.pages.detect.DetectorKind;
import org.jaznet.pages.detect.WordDetector;
import org.jaznet.pages.detect.WordDetectors;
import org.jaznet.pages.input.PageLimits;
import org.jaznet.pages.input.PageSource;
import org.jaznet.pages.input.PageSources;
import org.jaznet.pages.read.CropConfig;
import org.jaznet.pages.read.PageReader;
import org.jaznet.pages.write.PageFormat;
import org.jaznet.pages.write.PageWriters;
import org.jaznet.pipeline.batch.Failure;
import org.jaznet.pipeline.batch.ModelSpec;
import org.jaznet.pipeline.batch.Models;
import org.jaznet.pipeline.io.ArchiveLister;
import org.jaznet.pipeline.io.EntryReader;
import org.jaznet.pipeline.io.GlobLister;
import org.jaznet.pipeline.io.ImageFiles;
import org.jaznet.pipeline.io.ImageRejectedException;
import org.jaznet.pipeline.io.InputKind;
import org.jaznet.pipeline.io.InputSpec;
import org.jaznet.pipeline.io.WordRef;
import org.jaznet.pipeline.pages.PageRecords.PageFile;
import org.jaznet.pipeline.pages.PageRecords.PageHeader;
import org.jaznet.pipeline.pages.PageRecords.ReadWord;
import org.jaznet.pipeline.pages.PageRecords.WordCrop;
import org.jaznet.recognizer.Recognition;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.preprocess.Preprocessor;

/**
 * Reads the page files an input spec names into one output file each: ListPageFiles, then DetectPages
 * (each file's pages decoded and their words detected and cut out in one step, so no page image ever
 * crosses a shuffle), then the words fan out over a fixed number of groups and are read in shared
 * batched forward passes (RecognizeWordCrops), then GroupPerFile brings each file's words and page
 * headers back together and writes the file atomically (temporary name, then rename, through Beam's
 * {@link FileSystems}). Every file and page ends as an output file or a {@link Failure}; the failures
 * are returned for writing.
 */
public final class ReadPages extends PTransform<PBegin, PCollection<Failure>> {
  static final String NAMESPACE = "jaznet";
  static final TupleTag<PageFile> FILES = new TupleTag<>() {};
  static final TupleTag<WordCrop> CROPS = new TupleTag<>() {};
  static final TupleTag<PageHeader> HEADERS = new TupleTag<>() {};
  static final TupleTag<Failure> FAILED = new TupleTag<>() {};

  private final InputSpec input;
  private final String dir;
  private final ModelSpec model;
  private final PageFormat format;
  private final DetectorKind detector;
  /** The scene detector's model file; null for the shipped one. */
  private final String sceneModel;
  private final PageLimits limits;
  private final int batchSize;
  private final int groups;

  private ReadPages(InputSpec input, String dir, ModelSpec model, PageFormat format, DetectorKind detector,
      String sceneModel, PageLimits limits, int batchSize, int groups) {
    this.sceneModel = sceneModel;
    this.input = input;
    this.dir = dir;
    this.model = model;
    this.format = format;
    this.detector = detector;
    this.limits = limits;
    this.batchSize = batchSize;
    this.groups = groups;
  }

  /** Reads {@code input}'s page files with {@code model}, writing JSON under {@code dir}. */
  public static ReadPages from(InputSpec input, String dir, ModelSpec model) {
    if (dir == null || dir.isBlank()) {
      throw new IllegalArgumentException("output directory must not be blank");
    }
    if (input.kind() == InputKind.MANIFEST_CSV || input.kind() == InputKind.MANIFEST_JSONL) {
      throw new IllegalArgumentException("input " + input.spec() + " is a manifest of word boxes; --pages reads page files");
    }
    return new ReadPages(input, dir, Objects.requireNonNull(model, "model"), PageFormat.JSON, DetectorKind.AUTO,
        null, PageLimits.defaults(), 64, 16);
  }

  public ReadPages withFormat(PageFormat f) {
    return new ReadPages(input, dir, model, Objects.requireNonNull(f, "format"), detector, sceneModel, limits, batchSize, groups);
  }

  public ReadPages withDetector(DetectorKind d) {
    return new ReadPages(input, dir, model, format, Objects.requireNonNull(d, "detector"), sceneModel, limits, batchSize, groups);
  }

  /** The scene detector (SCENE, AUTO) from this model file instead of the shipped one; null: the shipped one. */
  public ReadPages withSceneModel(String path) {
    return new ReadPages(input, dir, model, format, detector, path, limits, batchSize, groups);
  }

  public ReadPages withLimits(PageLimits l) {
    return new ReadPages(input, dir, model, format, detector, sceneModel, Objects.requireNonNull(l, "limits"), batchSize, groups);
  }

  /** Words per forward pass. */
  public ReadPages withBatchSize(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("batch size must be > 0, got " + n);
    }
    return new ReadPages(input, dir, model, format, detector, sceneModel, limits, n, groups);
  }

  /** Groups the words are spread over for recognition: bounds the parallelism of that step. */
  public ReadPages withGroups(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("groups must be > 0, got " + n);
    }
    return new ReadPages(input, dir, model, format, detector, sceneModel, limits, batchSize, n);
  }

  @Override
  public PCollection<Failure> expand(PBegin begin) {
    PCollectionTuple listed = begin
        .apply("Spec", Create.of(List.of(input)).withCoder(SerializableCoder.of(InputSpec.class)))
        .apply("ListPageFiles", ParDo.of(new ListFn()).withOutputTags(FILES, TupleTagList.of(FAILED)));
    PCollectionTuple detected = listed.get(FILES).setCoder(SerializableCoder.of(PageFile.class))
        .apply("DetectPages", ParDo.of(new DetectFn(detector, sceneModel, limits))
            .withOutputTags(CROPS, TupleTagList.of(HEADERS).and(FAILED)));
    PCollection<ReadWord> read = detected.get(CROPS).setCoder(SerializableCoder.of(WordCrop.class))
        .apply("SpreadWords", ParDo.of(new SpreadFn(groups)))
        .setCoder(KvCoder.of(VarIntCoder.of(), SerializableCoder.of(WordCrop.class)))
        .apply("GatherWords", GroupByKey.create())
        .apply("RecognizeWordCrops", ParDo.of(new RecognizeFn(model, batchSize)))
        .setCoder(SerializableCoder.of(ReadWord.class));
    TupleTag<ReadWord> wordsTag = new TupleTag<>() {};
    TupleTag<PageHeader> headersTag = new TupleTag<>() {};
    PCollection<KV<String, ReadWord>> wordsByFile = read
        .apply("WordsByFile", ParDo.of(new DoFn<ReadWord, KV<String, ReadWord>>() {
          @ProcessElement
          public void process(@Element ReadWord w, OutputReceiver<KV<String, ReadWord>> out) {
            out.output(KV.of(w.source(), w));
          }
        }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(ReadWord.class)));
    PCollection<KV<String, PageHeader>> headersByFile = detected.get(HEADERS)
        .setCoder(SerializableCoder.of(PageHeader.class))
        .apply("HeadersByFile", ParDo.of(new DoFn<PageHeader, KV<String, PageHeader>>() {
          @ProcessElement
          public void process(@Element PageHeader h, OutputReceiver<KV<String, PageHeader>> out) {
            out.output(KV.of(h.source(), h));
          }
        }))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(PageHeader.class)));
    PCollection<Failure> writeFailures = KeyedPCollectionTuple.of(wordsTag, wordsByFile).and(headersTag, headersByFile)
        .apply("GroupPerFile", CoGroupByKey.create())
        .apply("WritePageFiles", ParDo.of(new WriteFn(dir, format, wordsTag, headersTag)))
        .setCoder(SerializableCoder.of(Failure.class));
    return PCollectionList.of(listed.get(FAILED).setCoder(SerializableCoder.of(Failure.class)))
        .and(detected.get(FAILED).setCoder(SerializableCoder.of(Failure.class)))
        .and(writeFailures)
        .apply("AllFailures", Flatten.pCollections());
  }

  /** Lists the spec's page files, each under an output name unique in the run. */
  static final class ListFn extends DoFn<InputSpec, PageFile> {
    private static final long serialVersionUID = 1L;
    private final Counter failures = Metrics.counter(NAMESPACE, "failures");

    @ProcessElement
    public void process(@Element InputSpec spec, MultiOutputReceiver out) {
      Map<String, Integer> names = new HashMap<>();
      try {
        if (spec.kind() == InputKind.ARCHIVE) {
          ArchiveLister.list(java.nio.file.Path.of(spec.spec()), ImageFiles::isPageName, ref -> {
            String entry = ref.entry();
            String base = entry.substring(Math.max(entry.lastIndexOf('/'), entry.lastIndexOf('\\')) + 1);
            out.get(FILES).output(new PageFile(ref.imageKey(), unique(names, base), ref.path(), entry, ref.ordinal()));
          });
        } else {
          GlobLister.list(spec.spec(), p -> out.get(FILES).output(
              new PageFile(p.toString(), unique(names, p.getFileName().toString()), p.toString(), null, -1)));
        }
      } catch (IOException e) {
        failures.inc();
        out.get(FAILED).output(new Failure(spec.spec(), e.getMessage()));
      }
    }

    private static String unique(Map<String, Integer> names, String base) {
      int n = names.merge(base, 1, Integer::sum);
      return n == 1 ? base : base + "-" + n;
    }
  }

  /** Decodes each page of a file, detects its words and cuts them out: one step, no page image shuffled. */
  static final class DetectFn extends DoFn<PageFile, WordCrop> {
    private static final long serialVersionUID = 1L;
    private final DetectorKind kind;
    private final String sceneModel;
    private final PageLimits limits;
    private final Counter pages = Metrics.counter(NAMESPACE, "pages");
    private final Counter failures = Metrics.counter(NAMESPACE, "failures");
    private transient WordDetector detector;
    private transient EntryReader entries;

    DetectFn(DetectorKind kind, String sceneModel, PageLimits limits) {
      this.kind = kind;
      this.sceneModel = sceneModel;
      this.limits = limits;
    }

    @Setup
    public void setup() {
      detector = sceneModel == null ? WordDetectors.create(kind)
          : WordDetectors.create(kind, java.nio.file.Path.of(sceneModel));
      entries = new EntryReader();
    }

    @ProcessElement
    public void process(@Element PageFile f, MultiOutputReceiver out) {
      byte[] bytes;
      try {
        WordRef ref = f.entry() == null ? WordRef.file(f.path()) : WordRef.entry(f.path(), f.entry(), f.ordinal());
        bytes = entries.read(ref);
      } catch (ImageRejectedException e) {
        failures.inc();
        out.get(FAILED).output(new Failure(f.source(), e.getMessage()));
        return;
      }
      try (PageSource src = PageSources.open(f.source(), bytes, limits)) {
        CropConfig crop = CropConfig.defaults();
        for (int p = 1; p <= src.pageCount(); p++) {
          try {
            PageImage page = src.page(p);
            List<DetectedWord> words = detector.detect(page);
            byte[] grey = Preprocessor.grey(page.image());
            for (int i = 0; i < words.size(); i++) {
              DetectedWord d = words.get(i);
              PageReader.Crop c = PageReader.crop(grey, page.width(), page.height(), d.box(), crop);
              PageBox b = d.box();
              out.get(CROPS).output(new WordCrop(f.source(), p, i, b.x(), b.y(), b.w(), b.h(), d.line(), d.block(),
                  c.w(), c.h(), c.grey()));
            }
            out.get(HEADERS).output(new PageHeader(f.source(), f.outName(), p, page.width(), page.height(), words.size()));
            pages.inc();
          } catch (PageException | RuntimeException e) {
            failures.inc();
            String id = PageImage.id(f.source(), p);
            out.get(FAILED).output(new Failure(id, e instanceof PageException ? e.getMessage() : id + ": " + e));
          }
        }
      } catch (PageException e) {
        failures.inc();
        out.get(FAILED).output(new Failure(f.source(), e.getMessage()));
      }
    }

    @Teardown
    public void teardown() {
      if (entries != null) {
        entries.close();
      }
    }
  }

  /** Spreads words over the recognition groups by file, page and index: the same on every runner. */
  static final class SpreadFn extends DoFn<WordCrop, KV<Integer, WordCrop>> {
    private static final long serialVersionUID = 1L;
    private final int groups;

    SpreadFn(int groups) {
      this.groups = groups;
    }

    @ProcessElement
    public void process(@Element WordCrop c, OutputReceiver<KV<Integer, WordCrop>> out) {
      int h = 31 * (31 * c.source().hashCode() + c.page()) + c.index();
      out.output(KV.of(Math.floorMod(h, groups), c));
    }
  }

  /** Reads a group's words in batched forward passes. */
  static final class RecognizeFn extends DoFn<KV<Integer, Iterable<WordCrop>>, ReadWord> {
    private static final long serialVersionUID = 1L;
    private final ModelSpec model;
    private final int batchSize;
    private final Counter words = Metrics.counter(NAMESPACE, "words");
    private transient Recognizer recognizer;

    RecognizeFn(ModelSpec model, int batchSize) {
      this.model = model;
      this.batchSize = batchSize;
    }

    @Setup
    public void setup() throws Exception {
      recognizer = Models.get(model);
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<WordCrop>> group, OutputReceiver<ReadWord> out) throws Exception {
      List<WordCrop> batch = new ArrayList<>(batchSize);
      for (WordCrop c : group.getValue()) {
        batch.add(c);
        if (batch.size() == batchSize) {
          flush(batch, out);
        }
      }
      flush(batch, out);
    }

    private void flush(List<WordCrop> batch, OutputReceiver<ReadWord> out) throws Exception {
      if (batch.isEmpty()) {
        return;
      }
      float[][] inputs = new float[batch.size()][Preprocessor.SIZE];
      for (int i = 0; i < inputs.length; i++) {
        WordCrop c = batch.get(i);
        Preprocessor.toInput(c.grey(), c.cropW(), c.cropH(), inputs[i], 0);
      }
      List<Recognition> rs = recognizer.recognizePreprocessed(inputs);
      for (int i = 0; i < inputs.length; i++) {
        WordCrop c = batch.get(i);
        Recognition r = rs.get(i);
        out.output(new ReadWord(c.source(), c.page(), c.index(), c.x(), c.y(), c.w(), c.h(), c.line(), c.block(),
            r.text(), Math.max(0, Math.min(1, r.confidence()))));
      }
      words.inc(inputs.length);
      batch.clear();
    }
  }

  /** Puts a file's pages back together and writes its output file atomically. */
  static final class WriteFn extends DoFn<KV<String, CoGbkResult>, Failure> {
    private static final long serialVersionUID = 1L;
    private final String dir;
    private final PageFormat format;
    private final TupleTag<ReadWord> wordsTag;
    private final TupleTag<PageHeader> headersTag;
    private final Counter files = Metrics.counter(NAMESPACE, "files");
    private final Counter failures = Metrics.counter(NAMESPACE, "failures");

    WriteFn(String dir, PageFormat format, TupleTag<ReadWord> wordsTag, TupleTag<PageHeader> headersTag) {
      this.dir = dir;
      this.format = format;
      this.wordsTag = wordsTag;
      this.headersTag = headersTag;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<Failure> out) throws IOException {
      List<PageHeader> headers = new ArrayList<>();
      e.getValue().getAll(headersTag).forEach(headers::add);
      if (headers.isEmpty()) {
        return; // every page failed: the failures say so
      }
      headers.sort(Comparator.comparingInt(PageHeader::page));
      Map<Integer, List<ReadWord>> byPage = new HashMap<>();
      for (ReadWord w : e.getValue().getAll(wordsTag)) {
        byPage.computeIfAbsent(w.page(), k -> new ArrayList<>()).add(w);
      }
      List<PageResult> pages = new ArrayList<>(headers.size());
      for (PageHeader h : headers) {
        List<ReadWord> ws = new ArrayList<>(byPage.getOrDefault(h.page(), List.of()));
        ws.sort(Comparator.comparingInt(ReadWord::index));
        if (ws.size() != h.words()) {
          failures.inc();
          out.output(new Failure(PageImage.id(h.source(), h.page()),
              "only " + ws.size() + " of " + h.words() + " words came back from recognition"));
          continue;
        }
        List<PageWord> words = new ArrayList<>(ws.size());
        for (ReadWord w : ws) {
          words.add(new PageWord(new PageBox(w.x(), w.y(), w.w(), w.h()), w.text(), w.confidence(), w.line(), w.block()));
        }
        pages.add(new PageResult(h.page(), h.width(), h.height(), words));
      }
      if (pages.isEmpty()) {
        return;
      }
      String name = headers.get(0).outName() + format.suffix();
      ResourceId base = FileSystems.matchNewResource(dir, true);
      ResourceId target = base.resolve(name, ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
      ResourceId tmp = base.resolve(".tmp-" + UUID.randomUUID() + "-" + name, ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
      try (OutputStream os = Channels.newOutputStream(FileSystems.create(tmp, MimeTypes.BINARY))) {
        PageWriters.of(format).write(new DocumentResult(e.getKey(), pages), os);
      } catch (IOException | RuntimeException ex) {
        FileSystems.delete(List.of(tmp), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
        throw ex;
      }
      FileSystems.rename(List.of(tmp), List.of(target));
      files.inc();
    }
  }
}
