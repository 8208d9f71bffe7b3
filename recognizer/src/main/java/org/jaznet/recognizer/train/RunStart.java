package org.jaznet.recognizer.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.head.NgramVocabulary;
import org.jaznet.recognizer.head.SymbolSet;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.recognizer.model.ModelSpec;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.SynthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a run gets its network and word split: from the newest checkpoint ({@code --resume}), from a model file's
 * weights ({@code --init-from}: a further stage, with a fresh optimiser and schedule), or new. Refuses to start over
 * the checkpoints of an earlier run, and a checkpoint or model that does not fit the run (arch, heads, word split,
 * image stream, CTC and CHAR symbols).
 */
final class RunStart {
  private static final Logger LOG = LoggerFactory.getLogger(RunStart.class);

  /**
   * A run's beginning.
   *
   * @param net the network to train
   * @param split the run's words
   * @param restored the checkpoint resumed from, or null for a new run
   */
  record Begun(JazNet net, WordSplit split, Checkpoints.Restored restored) {}

  private RunStart() {}

  /** Resumes from the newest checkpoint, or starts from {@code initFrom}'s weights, or starts new. */
  static Begun begin(TrainConfig config, TrainListener listener) throws IOException {
    Path ckptDir = config.checkpointDir();
    Checkpoints.Restored restored = null;
    if (config.resume()) {
      restored = Checkpoints.latest(ckptDir);
      if (restored == null) {
        listener.onEvent("no checkpoint in " + ckptDir + ": starting a new run");
      }
    } else if (!Checkpoints.list(ckptDir).isEmpty()) {
      throw new IllegalStateException("checkpoints from an earlier run exist in " + ckptDir
          + ": pass --resume to continue it, or remove that folder to start again");
    }
    if (restored != null) {
      return restore(config, restored, listener);
    } else if (config.initFrom() != null) {
      return startFrom(config, config.initFrom(), listener);
    } else {
      return start(config);
    }
  }

  private static Begun start(TrainConfig config) throws IOException {
    List<String> dictionary = readDictionary(config.dictionary());
    WordSplit split = WordSplit.of(dictionary, config.dictOrder(), config.holdout(), config.seed());
    List<String> classes = split.classes();
    int active = config.has(HeadKind.DICT) ? Math.min(config.dictStart(), classes.size()) : 0;
    List<String> ngrams = config.has(HeadKind.NGRAM)
        ? NgramVocabulary.build(classes, config.ngramSize()).grams() : List.of();
    ModelSpec spec = new ModelSpec(config.arch(), config.heads(), classes, active, ngrams, config.optimiser(),
        config.learningRate(), config.l2(), config.dropout(), config.symbols(), config.charSymbolsFor(null));
    JazNet net = JazNet.create(spec, config.seed());
    LOG.info("new run: {} classes ({} active), {} held-out words, {} parameters", classes.size(), active,
        split.heldOut().size(), net.graph().numParams());
    return new Begun(net, split, null);
  }

  /**
   * A new run whose weights come from a model file: a further training stage with a fresh optimiser
   * and schedule. The model must have this run's heads and arch, or one this arch can start from
   * ({@link org.jaznet.recognizer.model.Arch#canStartFrom}: SMALL_BN weights start SMALL_BN_RELU, and either starts
   * SMALL_BN_RELU_SEQ, whose new projection starts at zero), and its DICT classes must be the
   * word split this run's dictionary, seed and hold-out give, so that the held-out words stay unseen.
   */
  private static Begun startFrom(TrainConfig config, Path modelFile, TrainListener listener) throws IOException {
    JazNet init;
    try {
      init = ModelFile.load(modelFile);
    } catch (RecognizerException e) {
      throw new IOException("--init-from " + modelFile + ": " + e.getMessage(), e);
    }
    ModelSpec m = init.spec();
    if (!config.arch().canStartFrom(m.arch()) || !m.heads().equals(config.heads())) {
      throw new IllegalStateException("--init-from " + modelFile + " has arch " + m.arch() + " and heads " + m.heads()
          + "; this run asks for arch " + config.arch() + " and heads " + config.heads());
    }
    List<String> dictionary = readDictionary(config.dictionary());
    WordSplit split = WordSplit.of(dictionary, config.dictOrder(), config.holdout(), config.seed());
    if (!split.classes().equals(m.dictionary())) {
      throw new IllegalStateException("--init-from " + modelFile + " was trained on another word split ("
          + m.dictionary().size() + " classes) than " + config.dictionary() + " with seed " + config.seed()
          + " and hold-out " + config.holdout() + " give (" + split.classes().size()
          + " classes): pass the dictionary, --seed and --holdout it was trained with");
    }
    if (m.symbols() != config.symbols() && m.symbols() != SymbolSet.LOWER) {
      throw new IllegalStateException("--init-from " + modelFile + " reads " + m.symbols() + "; this run asks for "
          + config.symbols() + " (only a LOWER head widens)");
    }
    SymbolSet charSymbols = config.charSymbolsFor(m.charSymbols());
    if (charSymbols != m.charSymbols() && m.charSymbols() != SymbolSet.LOWER) {
      throw new IllegalStateException("--init-from " + modelFile + " has a CHAR head over " + m.charSymbols()
          + "; this run asks for " + charSymbols + " (only a LOWER CHAR head widens)");
    }
    ModelSpec spec = new ModelSpec(config.arch(), config.heads(), m.dictionary(), m.dictActive(), m.ngrams(),
        config.optimiser(), config.learningRate(), config.l2(), config.dropout(), config.symbols(), charSymbols);
    if (charSymbols != m.charSymbols()) {
      listener.onEvent("CHAR head widened from " + m.charSymbols() + " to " + charSymbols + " ("
          + CharCodec.of(m.charSymbols()).symbols() + " to " + CharCodec.of(charSymbols).symbols()
          + " outputs per position)");
    }
    JazNet net = JazNet.create(spec, config.seed());
    List<String> fresh = net.startFrom(init);
    if (!fresh.isEmpty()) {
      listener.onEvent("layers new in arch " + config.arch() + " (left as initialised): " + String.join(", ", fresh));
    }
    listener.onEvent(String.format("new run from the weights of %s (%d DICT classes active, %d parameters)",
        modelFile, m.dictActive(), net.graph().numParams()));
    return new Begun(net, split, null);
  }

  private static Begun restore(TrainConfig config, Checkpoints.Restored r, TrainListener listener) {
    Checkpoints.TrainState s = r.state();
    ModelSpec spec = s.spec();
    if (spec.arch() != config.arch() || !spec.heads().equals(config.heads())) {
      throw new IllegalStateException("checkpoint " + r.file() + " was trained with arch " + spec.arch() + " and heads "
          + spec.heads() + "; this run asks for arch " + config.arch() + " and heads " + config.heads());
    }
    if (config.charSymbolsFor(spec.charSymbols()) != spec.charSymbols()) {
      throw new IllegalStateException("checkpoint " + r.file() + " has a CHAR head over " + spec.charSymbols()
          + "; this run asks for " + config.charSymbols() + " (a CHAR head widens only at --init-from)");
    }
    if (s.streamSeed() != null && s.streamSeed() != config.streamSeed()) {
      // without this a resume that forgets --stream-seed would switch to another stream mid-run
      throw new IllegalStateException("checkpoint " + r.file() + " was trained on the image stream of --stream-seed "
          + s.streamSeed() + "; this run asks for " + config.streamSeed() + " (pass --stream-seed " + s.streamSeed() + ")");
    }
    if (s.shortWordRatio() != null && s.shortWordRatio() != config.shortWordRatio()) {
      listener.onEvent(String.format("step %d: short-word share changes from %.3f (checkpoint) to %.3f",
          s.step(), s.shortWordRatio(), config.shortWordRatio()));
    }
    if (s.numberRatio() != null && s.numberRatio() != config.numberRatio()) {
      listener.onEvent(String.format("step %d: number share changes from %.3f (checkpoint) to %.3f",
          s.step(), s.numberRatio(), config.numberRatio()));
    }
    List<String> held = s.heldOut() == null ? List.of() : s.heldOut();
    Set<String> heldOutSet = new HashSet<>(held);
    List<String> training = new ArrayList<>();
    for (String w : spec.dictionary()) {
      if (!heldOutSet.contains(w)) {
        training.add(w);
      }
    }
    WordSplit split = new WordSplit(spec.dictionary(), training, held);
    listener.onEvent(String.format("resumed from %s at step %d (%d images seen)", r.file().getFileName(), s.step(),
        s.imagesSeen()));
    return new Begun(r.net(), split, r);
  }

  /** Normalised, distinct words of a dictionary file, naming the file on error. */
  static List<String> readDictionary(Path file) throws IOException {
    try {
      return Lexicon.read(file).words();
    } catch (SynthException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
