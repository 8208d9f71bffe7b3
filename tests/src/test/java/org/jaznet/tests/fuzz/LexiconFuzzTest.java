package org.jaznet.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.SynthException;

/** {@link Lexicon#read}: any bytes give a lexicon or a {@link SynthException} naming the file. */
class LexiconFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void read_anyBytes_lexiconOrSynthException(byte[] bytes) {
    Path file = FuzzFiles.write("lexicon.txt", bytes);
    try {
      Lexicon lex = Lexicon.read(file);
      assertThat(lex.size()).isPositive();
      for (String w : lex.words()) {
        assertThat(w).isNotBlank().isEqualTo(w.strip());
        assertThat(lex.indexOf(w)).isBetween(0, lex.size() - 1);
      }
    } catch (SynthException e) {
      assertThat(e.getMessage()).contains(file.toString());
    }
  }
}
