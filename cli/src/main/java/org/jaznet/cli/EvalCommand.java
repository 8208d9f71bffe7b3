package org.jaznet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.eval.Datasets;
import org.jaznet.recognizer.eval.EvalReport;
import org.jaznet.recognizer.eval.Evaluator;
import org.jaznet.recognizer.head.CaseRestorer;
import org.jaznet.recognizer.head.LmSettings;
import org.jaznet.recognizer.eval.LabelledDataset;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jaznet eval}: the head x mode accuracy table of a model on a labelled dataset. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Evaluate a model on a labelled dataset (labels.tsv folder, MJSynth folder or LMDB).",
      "Standard protocol (lowercase, only [0-9a-z] kept, exact match): every head unconstrained and with",
      "the lexicon, plus the fused reading. Prints a Markdown table."})
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--model", description = "model file (default: the shipped default model)")
  Path model;

  @Option(names = "--data", required = true, description = "dataset folder or label file")
  Path data;

  @Option(names = "--lexicon", description = "word list to constrain readings to (one word a line)")
  Path lexicon;

  @Option(names = "--json", description = "write the results as JSON here")
  Path json;

  @Option(names = "--markdown", description = "write the Markdown table here")
  Path markdown;

  @Option(names = "--threads", description = "threads decoding images (default: ${DEFAULT-VALUE})")
  int threads = 2;

  @Option(names = "--no-lm", description = "fuse the heads without the character language model")
  boolean noLm;

  @Option(names = "--lm-weight", description = "weight of the character LM in the fused reading (default: the recognizer's)")
  Double lmWeight;

  @Option(names = "--lm-bonus", description = "fused-score bonus per character that goes with --lm-weight (default: the recognizer's)")
  Double lmBonus;

  @Option(names = "--lm-order", description = "N of the character LM's N-grams, 2-6 (default: the recognizer's)")
  Integer lmOrder;

  @Option(names = "--lm-only", description = "use the character LM alone as the prior, not the training stream's text mix")
  boolean lmOnly;

  @Option(names = "--lm-words", description = "estimate the character LM from this word list (default: the model's dictionary)")
  Path lmWords;

  @Option(names = "--case-switch-penalty", description = "case prior of a PRINT model: log-probability cost of a word"
      + " that mixes case inside a run of letters, >= 0 (0: none; default: the recognizer's, "
      + CaseRestorer.DEFAULT_SWITCH_PENALTY_TEXT + ")")
  Double caseSwitchPenalty;

  @Override
  public Integer call() throws Exception {
    List<String> words = null;
    if (lexicon != null) {
      try {
        words = Lexicon.read(lexicon).words();
      } catch (SynthException e) {
        System.err.println("jaznet eval: --lexicon: " + e.getMessage());
        return 2;
      }
    }
    EvalReport report;
    try (LabelledDataset d = Datasets.open(data);
        Recognizer loaded = model == null ? Recognizer.loadDefault() : Recognizer.load(model);
        Recognizer withLm = withLm(loaded);
        Recognizer r = caseSwitchPenalty == null ? withLm : withLm.withCaseSwitchPenalty(caseSwitchPenalty)) {
      report = Evaluator.evaluate(r, d, words, lexicon == null ? null : lexicon.toString(), threads, null);
    } catch (IOException | RecognizerException e) {
      System.err.println("jaznet eval: " + e.getMessage());
      return 1;
    }
    for (EvalReport.Failure f : report.failures()) {
      System.err.println("jaznet eval: " + f.id() + ": " + f.reason() + " (counted as wrong)");
    }
    String md = report.toMarkdown();
    System.out.print(md);
    System.out.printf(Locale.ROOT, "%n%.0f images/s%n", report.imagesPerSecond());
    if (json != null) {
      AtomicFiles.write(json, report.toJson().getBytes(StandardCharsets.UTF_8));
    }
    if (markdown != null) {
      AtomicFiles.write(markdown, md.getBytes(StandardCharsets.UTF_8));
    }
    return 0;
  }

  private Recognizer withLm(Recognizer loaded) throws RecognizerException, IOException {
    if (!noLm && lmWeight == null && lmBonus == null && lmWords == null && lmOrder == null && !lmOnly) {
      return loaded;  // closing it twice is harmless
    }
    LmSettings s = noLm ? LmSettings.OFF : loaded.languageModel().enabled() ? loaded.languageModel() : LmSettings.DEFAULT;
    if (!noLm && (lmWeight != null || lmBonus != null)) {
      s = s.withWeight(lmWeight != null ? lmWeight : s.weight(), lmBonus != null ? lmBonus : s.lengthBonus());
    }
    if (!noLm && lmOnly) {
      s = s.withShares(org.jaznet.recognizer.head.TextPrior.Shares.NONE);
    }
    if (!noLm && lmOrder != null) {
      try {
        s = s.withOrder(lmOrder);
      } catch (IllegalArgumentException e) {
        throw new IOException("--lm-order: " + e.getMessage(), e);
      }
    }
    List<String> w = null;
    if (lmWords != null && !noLm) {
      try {
        w = Lexicon.read(lmWords).words();
      } catch (SynthException e) {
        throw new IOException("--lm-words: " + e.getMessage(), e);
      }
    }
    return loaded.withLanguageModel(s, w);
  }
}
