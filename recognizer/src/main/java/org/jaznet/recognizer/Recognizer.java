package org.jaznet.recognizer;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jaznet.recognizer.head.CompiledLexicon;
import org.jaznet.recognizer.head.Decoder;
import org.jaznet.recognizer.head.HeadOutputs;
import org.jaznet.recognizer.head.LmSettings;
import org.jaznet.recognizer.model.Dl4jSetup;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.jaznet.synth.ProjectPaths;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.opencv.core.Mat;

/**
 * Reads words in images with a trained jaznet model.
 *
 * <p>The unconstrained fused reading of a model with a CTC head uses a character language model of its
 * dictionary by default ({@link LmSettings#DEFAULT}); {@link #withLanguageModel} changes or removes it.
 *
 * <p>Thread-safe: one instance may serve many threads. DL4J graphs are not safe for concurrent
 * forward passes, so the forward pass of each chunk of up to {@value #BATCH} images runs under a lock;
 * preprocessing and decoding (lexicon scoring, fusion) run outside it, in the calling threads. Prefer a
 * few large {@link #recognizeAll} calls to many single-image calls: every single-image call goes
 * through the batch path with a batch of one.
 *
 * <pre>{@code
 * try (Recognizer r = Recognizer.load(Path.of("model.zip"))) {
 *   Recognition res = r.recognize(image);
 * }
 * }</pre>
 */
public final class Recognizer implements AutoCloseable {
  /** Images per forward pass. */
  public static final int BATCH = 64;
  /** The default model, under {@link ProjectPaths#home()}. */
  public static final String DEFAULT_MODEL = "models/jaznet-default.zip";

  static {
    Dl4jSetup.ensure();
  }

  private final JazNet net;
  /** The net's inference graph (batch normalisations folded into the convolutions), made once. */
  private final JazNet.Inference inference;
  private final Decoder decoder;
  /** The heads read (a subset of the model's); see {@link #reading}. */
  private final Set<HeadKind> read;
  /** Shared by every view of one loaded network ({@link #reading}): its graph is not thread-safe. */
  private final ReentrantLock forward;
  /** Set when the recognizer that loaded the network is closed: closes every view of it too. */
  private final AtomicBoolean rootClosed;
  /** Whether this recognizer loaded the network (not a {@link #reading} view). */
  private final boolean root;
  private volatile boolean closed;
  private volatile LexiconCache lastLexicon;

  private record LexiconCache(List<String> words, CompiledLexicon compiled) {}

  private Recognizer(JazNet net) {
    this.net = net;
    this.inference = net.inference();
    this.decoder = new Decoder(net.spec(), net.calibration(), defaultLm(net.spec()), null);
    this.read = Collections.unmodifiableSet(EnumSet.copyOf(net.spec().heads()));
    this.forward = new ReentrantLock();
    this.rootClosed = new AtomicBoolean();
    this.root = true;
  }

  private Recognizer(Recognizer base, Set<HeadKind> read) {
    this(base, read, base.decoder);
  }

  private Recognizer(Recognizer base, Set<HeadKind> read, Decoder decoder) {
    this.net = base.net;
    this.inference = base.inference;
    this.decoder = decoder;
    this.read = read;
    this.forward = base.forward;
    this.rootClosed = base.rootClosed;
    this.root = false;
  }

  /** Loads a model file, verifying its checksum. */
  public static Recognizer load(Path modelFile) throws RecognizerException {
    if (modelFile == null) {
      throw new RecognizerException("model file path is null");
    }
    return new Recognizer(ModelFile.load(modelFile));
  }

  /** Loads the default model shipped in {@code models/}. */
  public static Recognizer loadDefault() throws RecognizerException {
    Path p = ProjectPaths.home().resolve(DEFAULT_MODEL);
    if (!Files.isRegularFile(p)) {
      throw new RecognizerException("no default model at " + p
          + ": train one with ./jaznet train (see issue 5) or pass a model file explicitly");
    }
    return load(p);
  }

  /**
   * Wraps a network in memory (training, evaluation). The recognizer reads through a copy of the
   * network made now ({@link JazNet#inference()}), so training the network afterwards does not change it.
   */
  public static Recognizer of(JazNet net) {
    return new Recognizer(Objects.requireNonNull(net, "net"));
  }

  public JazNet net() {
    return net;
  }

  public Decoder decoder() {
    return decoder;
  }

  /** The heads this recognizer reads: all of the model's unless narrowed by {@link #reading}. */
  public Set<HeadKind> heads() {
    return read;
  }

  /**
   * A recognizer over the same loaded network (no copy, no reload; closing it does not close this one,
   * closing this one closes it) that reads only {@code heads}: each {@link Recognition} has a
   * {@link HeadResult} for those heads alone, and only they propose candidates to the unconstrained fused
   * reading (an unread NGRAM head's search of the whole dictionary is skipped). The fused candidates, or
   * with a lexicon its words, are still scored by every head of the model, as the calibration was
   * fitted. Use it to skip a head whose reading costs more than it gives: see {@link #fastHeads}.
   *
   * @throws RecognizerException when {@code heads} is empty or names a head the model does not have
   */
  public Recognizer reading(Set<HeadKind> heads) throws RecognizerException {
    checkOpen();
    if (heads == null) {
      throw new RecognizerException("heads to read are null");
    }
    try {
      decoder.checkRead(heads);
    } catch (IllegalArgumentException e) {
      throw new RecognizerException(e.getMessage(), e);
    }
    return new Recognizer(this, Collections.unmodifiableSet(EnumSet.copyOf(heads)));
  }

  /**
   * {@link LmSettings#DEFAULT} for a model with a CTC head and a dictionary (the settings were chosen
   * for such a model), {@link LmSettings#OFF} otherwise.
   */
  static LmSettings defaultLm(org.jaznet.recognizer.model.ModelSpec spec) {
    return spec.has(HeadKind.CTC) && !spec.dictionary().isEmpty() ? LmSettings.DEFAULT : LmSettings.OFF;
  }

  /** The language-model settings of the unconstrained fused reading (see {@link LmSettings}). */
  public LmSettings languageModel() {
    return decoder.lmSettings();
  }

  /**
   * A recognizer over the same loaded network and heads whose unconstrained fused reading uses other
   * language-model settings ({@link LmSettings#OFF}: the heads alone), estimated from {@code words} (null:
   * the model's dictionary). Closing it does not close this one.
   */
  public Recognizer withLanguageModel(LmSettings settings, List<String> words) throws RecognizerException {
    checkOpen();
    try {
      return new Recognizer(this, read, decoder.withLm(Objects.requireNonNull(settings, "settings"), words));
    } catch (IllegalArgumentException e) {
      throw new RecognizerException("language model: " + e.getMessage(), e);
    }
  }

  /**
   * A recognizer over the same loaded network and heads whose case and punctuation (a PRINT model) are
   * read with another case prior: {@code penalty} is the log-probability cost of a word that mixes case
   * inside a run of letters ({@link org.jaznet.recognizer.head.CaseRestorer}; 0: no prior). Closing it
   * does not close this one.
   */
  public Recognizer withCaseSwitchPenalty(double penalty) throws RecognizerException {
    checkOpen();
    try {
      return new Recognizer(this, read, decoder.withCaseSwitchPenalty(penalty));
    } catch (IllegalArgumentException e) {
      throw new RecognizerException("case prior: " + e.getMessage(), e);
    }
  }

  /**
   * The model's heads whose unconstrained reading does not search the whole dictionary (all but NGRAM,
   * see {@link HeadKind#searchesDictionary}), or all of its heads if that leaves none: the batch
   * command's default.
   */
  public Set<HeadKind> fastHeads() {
    EnumSet<HeadKind> fast = EnumSet.noneOf(HeadKind.class);
    for (HeadKind h : net.spec().heads()) {
      if (!h.searchesDictionary()) {
        fast.add(h);
      }
    }
    return Collections.unmodifiableSet(fast.isEmpty() ? EnumSet.copyOf(net.spec().heads()) : fast);
  }

  /**
   * Prepares a lexicon once for repeated calls (a 90k lexicon takes a fraction of a second to prepare
   * and about a millisecond per image and head to score).
   */
  public CompiledLexicon compileLexicon(List<String> words) throws RecognizerException {
    if (words == null) {
      throw new RecognizerException("lexicon is null");
    }
    try {
      return decoder.compile(words);
    } catch (IllegalArgumentException e) {
      throw new RecognizerException("lexicon: " + e.getMessage(), e);
    }
  }

  public Recognition recognize(BufferedImage image) throws RecognizerException {
    return recognizeAll(List.of(nonNull(image, "image"))).get(0);
  }

  public Recognition recognize(Path imageFile) throws RecognizerException {
    return recognizePreprocessed(new float[][] {Preprocessor.toInput(imageFile)}).get(0);
  }

  public Recognition recognize(Mat image) throws RecognizerException {
    return recognizePreprocessed(new float[][] {Preprocessor.toInput(image)}).get(0);
  }

  /** Reads a batch of images in one forward pass (chunked internally). */
  public List<Recognition> recognizeAll(List<BufferedImage> images) throws RecognizerException {
    return recognizeAll(images, (CompiledLexicon) null);
  }

  /**
   * As {@link #recognizeAll(List)}, also decoding each head against the lexicon (null for none). The
   * last lexicon's preparation is cached (by equality), so repeating one list is cheap.
   */
  public List<Recognition> recognizeAll(List<BufferedImage> images, List<String> lexicon) throws RecognizerException {
    return recognizeAll(images, lexicon == null ? null : cachedLexicon(lexicon));
  }

  /** As {@link #recognizeAll(List, List)} with a prepared lexicon (null for none). */
  public List<Recognition> recognizeAll(List<BufferedImage> images, CompiledLexicon lexicon) throws RecognizerException {
    if (images == null) {
      throw new RecognizerException("image list is null");
    }
    float[][] inputs = new float[images.size()][];
    for (int i = 0; i < inputs.length; i++) {
      try {
        inputs[i] = Preprocessor.toInput(images.get(i));
      } catch (RecognizerException e) {
        throw new RecognizerException("image " + i + " of " + inputs.length + ": " + e.getMessage(), e);
      }
    }
    return recognizePreprocessed(inputs, lexicon);
  }

  /** Reads already preprocessed images ({@link Preprocessor#SIZE} floats each), e.g. from the pipeline. */
  public List<Recognition> recognizePreprocessed(float[][] inputs) throws RecognizerException {
    return recognizePreprocessed(inputs, null);
  }

  /** As {@link #recognizePreprocessed(float[][])}, with a prepared lexicon (null for none). */
  public List<Recognition> recognizePreprocessed(float[][] inputs, CompiledLexicon lexicon) throws RecognizerException {
    checkOpen();
    if (inputs == null) {
      throw new RecognizerException("inputs are null");
    }
    for (int i = 0; i < inputs.length; i++) {
      if (inputs[i] == null || inputs[i].length != Preprocessor.SIZE) {
        throw new RecognizerException("preprocessed input " + i + " must have " + Preprocessor.SIZE + " floats, got "
            + (inputs[i] == null ? "null" : inputs[i].length));
      }
    }
    List<Recognition> out = new ArrayList<>(inputs.length);
    for (int from = 0; from < inputs.length; from += BATCH) {
      int m = Math.min(BATCH, inputs.length - from);
      float[] flat = new float[m * Preprocessor.SIZE];
      for (int i = 0; i < m; i++) {
        System.arraycopy(inputs[from + i], 0, flat, i * Preprocessor.SIZE, Preprocessor.SIZE);
      }
      HeadOutputs heads = forward(flat, m);
      out.addAll(decoder.decodeAll(heads, lexicon, read));
    }
    return out;
  }

  private HeadOutputs forward(float[] flat, int m) {
    forward.lock();
    try {
      // [m * 3200] -> [m, 1, 32, 100]
      INDArray x = Nd4j.create(flat, new long[] {m, 1, Preprocessor.HEIGHT, Preprocessor.WIDTH}, 'c');
      return HeadOutputs.of(inference.output(x));
    } finally {
      forward.unlock();
    }
  }

  private CompiledLexicon cachedLexicon(List<String> words) throws RecognizerException {
    LexiconCache c = lastLexicon;
    if (c != null && (c.words() == words || c.words().equals(words))) {
      return c.compiled();
    }
    CompiledLexicon compiled = compileLexicon(words);
    lastLexicon = new LexiconCache(java.util.Collections.unmodifiableList(new ArrayList<>(words)), compiled);
    return compiled;
  }

  private static <T> T nonNull(T v, String what) throws RecognizerException {
    if (v == null) {
      throw new RecognizerException(what + " is null");
    }
    return v;
  }

  private void checkOpen() {
    if (closed || rootClosed.get()) {
      throw new IllegalStateException("the recognizer is closed");
    }
  }

  /**
   * Marks the recognizer closed; later calls throw IllegalStateException. Closing a loaded recognizer
   * closes its {@link #reading} views too; closing a view closes only the view.
   */
  @Override
  public void close() {
    closed = true;
    if (root) {
      rootClosed.set(true);
    }
  }
}
