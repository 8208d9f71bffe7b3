package org.jaznet.recognizer.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.Recognition;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.head.NgramVocabulary;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelSpec;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
  @TempDir Path dir;

  static final List<String> WORDS = List.of("ab", "cd", "ef");

  @Test
  void evaluate_folderWithCorruptAndUnreadableLabel_countsAgreeWithRecognizer() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Files.write(dir.resolve("images/1.png"), DatasetsTest.png(60, 24));
    Files.write(dir.resolve("images/2.png"), DatasetsTest.png(80, 30));
    Files.write(dir.resolve("images/bad.png"), new byte[] {9, 9, 9});
    Files.write(dir.resolve("images/3.png"), DatasetsTest.png(30, 30));
    Files.writeString(dir.resolve("labels.tsv"), "1.png\tAB\n2.png\tcd\nbad.png\tef\n3.png\t!!\n");
    ModelSpec spec = ModelSpec.of(Arch.SMALL, EnumSet.allOf(HeadKind.class), WORDS,
        NgramVocabulary.build(WORDS, 20).grams());
    try (Recognizer r = Recognizer.of(JazNet.create(spec, 5)); LabelledDataset d = Datasets.open(dir)) {
      EvalReport report = Evaluator.evaluate(r, d, WORDS, "three words", 2, null);
      assertThat(report.n()).isEqualTo(3);
      assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.id()).endsWith("bad.png"));
      assertThat(report.heads().keySet()).containsExactly("dict", "char", "ngram", "ctc", "fused");
      float[][] inputs = {Preprocessor.toInput(d.image(0)), Preprocessor.toInput(d.image(1))};
      List<Recognition> free = r.recognizePreprocessed(inputs, null);
      List<Recognition> lex = r.recognizePreprocessed(inputs, r.compileLexicon(WORDS));
      String[] labels = {"ab", "cd"};
      int dictFree = 0;
      int charLex = 0;
      int fusedLex = 0;
      for (int i = 0; i < 2; i++) {
        dictFree += free.get(i).perHead().get(HeadKind.DICT).text().equals(labels[i]) ? 1 : 0;
        charLex += labels[i].equals(lex.get(i).perHead().get(HeadKind.CHAR).lexiconText()) ? 1 : 0;
        fusedLex += lex.get(i).text().equals(labels[i]) ? 1 : 0;
      }
      assertThat(report.heads().get("dict").unconstrained()).isEqualTo(dictFree / 3.0);
      assertThat(report.heads().get("char").lexicon()).isEqualTo(charLex / 3.0);
      assertThat(report.heads().get("fused").lexicon()).isEqualTo(fusedLex / 3.0);
      assertThat(report.lexiconSize()).isEqualTo(3);
    }
  }

  @Test
  void evaluate_noLexicon_lexiconColumnNull() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Files.write(dir.resolve("images/1.png"), DatasetsTest.png(60, 24));
    Files.writeString(dir.resolve("labels.tsv"), "1.png\tab\n");
    ModelSpec spec = ModelSpec.of(Arch.SMALL, EnumSet.of(HeadKind.CHAR), List.of(), List.of());
    try (Recognizer r = Recognizer.of(JazNet.create(spec, 5)); LabelledDataset d = Datasets.open(dir)) {
      EvalReport report = Evaluator.evaluate(r, d, null, null, 1, null);
      assertThat(report.heads().keySet()).containsExactly("char", "fused");
      assertThat(report.heads().get("char").lexicon()).isNull();
      assertThat(report.lexiconName()).isNull();
    }
  }
}
