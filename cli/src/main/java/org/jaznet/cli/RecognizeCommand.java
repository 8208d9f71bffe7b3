package org.jaznet.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jaznet.recognizer.Recognition;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.head.CompiledLexicon;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.SynthException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jaznet recognize}: prints {@code path<TAB>text<TAB>confidence} per readable image; unreadable
 * images are named on stderr and make the exit status 1, the others are still printed.
 */
@Command(name = "recognize", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Read the word in each image: prints path<TAB>text<TAB>confidence.")
final class RecognizeCommand implements Callable<Integer> {
  @Option(names = "--model", description = "model file (default: the shipped default model)")
  Path model;

  @Option(names = "--lexicon", description = "constrain readings to this word list")
  Path lexicon;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "word images")
  List<Path> images;

  @Override
  public Integer call() {
    try (Recognizer r = model == null ? Recognizer.loadDefault() : Recognizer.load(model)) {
      CompiledLexicon lex = null;
      if (lexicon != null) {
        try {
          lex = r.compileLexicon(Lexicon.read(lexicon).words());
        } catch (SynthException e) {
          System.err.println("jaznet recognize: --lexicon: " + e.getMessage());
          return 2;
        }
      }
      boolean failed = false;
      for (int from = 0; from < images.size(); from += Recognizer.BATCH) {
        List<Path> chunk = images.subList(from, Math.min(images.size(), from + Recognizer.BATCH));
        List<Path> ok = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        for (Path p : chunk) {
          try {
            inputs.add(Preprocessor.toInput(p));
            ok.add(p);
          } catch (RecognizerException | RuntimeException e) {
            failed = true;
            System.err.println("jaznet recognize: " + p + ": " + e.getMessage());
          }
        }
        if (inputs.isEmpty()) {
          continue;
        }
        List<Recognition> rs = r.recognizePreprocessed(inputs.toArray(new float[0][]), lex);
        for (int i = 0; i < rs.size(); i++) {
          System.out.printf(Locale.ROOT, "%s\t%s\t%.4f%n", ok.get(i), rs.get(i).text(), rs.get(i).confidence());
        }
        System.out.flush();
      }
      return failed ? 1 : 0;
    } catch (RecognizerException e) {
      System.err.println("jaznet recognize: " + e.getMessage());
      return 1;
    }
  }
}
