package org.jaznet.recognizer.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class CodecTest {
  @Test
  void normalise_mixedInput_lowercaseAlphanumericsOnly() {
    assertThat(CharCodec.normalise("Don't-Stop 4ever!")).isEqualTo("dontstop4ever");
    assertThat(CharCodec.normalise("Café")).isEqualTo("caf");
    assertThat(CharCodec.normalise("!!")).isEmpty();
  }

  @Test
  void encode_longWord_truncatedTo23AndNullPadded() {
    int[] c = CharCodec.encode("A1");
    assertThat(c).hasSize(23);
    assertThat(c[0]).isEqualTo(10);
    assertThat(c[1]).isEqualTo(1);
    assertThat(c[2]).isEqualTo(CharCodec.NULL);
    assertThat(CharCodec.encode("abcdefghijklmnopqrstuvwxyz")[22]).isEqualTo(CharCodec.code('w'));
  }

  @Test
  void charTargets_word_oneHotPerPositionInSymbolMajorLayout() {
    INDArray t = CharCodec.INSTANCE.targets(List.of("ab", "z"));
    assertThat(t.shape()).containsExactly(2, 37, 23);
    assertThat(t.sumNumber().intValue()).isEqualTo(46);
    assertThat(t.getFloat(0, 10, 0)).isEqualTo(1f);
    assertThat(t.getFloat(0, 11, 1)).isEqualTo(1f);
    assertThat(t.getFloat(0, 36, 2)).isEqualTo(1f);
    assertThat(t.getFloat(1, 35, 0)).isEqualTo(1f);
    assertThat(t.getFloat(1, 36, 22)).isEqualTo(1f);
  }

  @Test
  void charDecode_argmax_stopsAtFirstNull() {
    float[] p = new float[37 * 23];
    String word = "h3llo";
    for (int pos = 0; pos < 23; pos++) {
      int s = pos < word.length() ? CharCodec.code(word.charAt(pos)) : CharCodec.NULL;
      if (pos == 7) {
        s = 5; // a symbol after the first null is ignored
      }
      p[s * 23 + pos] = 0.9f;
    }
    assertThat(CharCodec.decode(p, 0)).isEqualTo("h3llo");
  }

  @Test
  void dictTargets_inactiveWord_zeroRowAndZeroMask() {
    DictCodec d = new DictCodec(List.of("the", "cat", "sat", "mat"), 2);
    INDArray t = d.targets(List.of("cat", "Sat", "THE", "dog"));
    assertThat(t.shape()).containsExactly(4, 2);
    assertThat(t.getFloat(0, 1)).isEqualTo(1f);
    assertThat(t.getRow(1).sumNumber().floatValue()).isZero();
    assertThat(t.getFloat(2, 0)).isEqualTo(1f);
    assertThat(d.labelMask(List.of("cat", "Sat", "THE", "dog")).toFloatVector()).containsExactly(1f, 0f, 1f, 0f);
    assertThatThrownBy(() -> new DictCodec(List.of("a"), 2)).hasMessageContaining("got 2");
  }

  @Test
  void ngramBuild_dictionary_mostFrequentFirstAndDeterministic() {
    List<String> dict = List.of("abc", "abd", "ab", "xyz");
    NgramVocabulary v = NgramVocabulary.build(dict, 1000);
    // "a","b","ab" are in 3 words; ties go to shorter N-grams, then alphabetical
    assertThat(v.grams().subList(0, 3)).containsExactly("a", "b", "ab");
    // every distinct N-gram of N <= 4: a b c d x y z ab bc bd xy yz abc abd xyz
    assertThat(v.size()).isEqualTo(15);
    assertThat(v.grams()).containsExactlyInAnyOrderElementsOf(NgramVocabulary.allGrams(dict));
    assertThat(NgramVocabulary.build(dict, 4).grams()).containsExactly("a", "b", "ab", "c");
    assertThat(NgramVocabulary.build(List.of("abcdef"), 100).grams()).noneMatch(g -> g.length() > 4).contains("abcd", "cdef");
  }

  @Test
  void ngramTargets_word_multiHotOverItsNgrams() {
    NgramVocabulary v = new NgramVocabulary(List.of("a", "b", "ab", "ba", "aba", "c"));
    assertThat(v.encode("ABA")).containsExactly(0, 1, 2, 3, 4);
    assertThat(v.encode("cab")).containsExactly(0, 1, 2, 5);
    INDArray t = v.targets(List.of("aba", "zz"));
    assertThat(t.getRow(0).toFloatVector()).containsExactly(1, 1, 1, 1, 1, 0);
    assertThat(t.getRow(1).toFloatVector()).containsExactly(0, 0, 0, 0, 0, 0);
    assertThatThrownBy(() -> new NgramVocabulary(List.of("a", "a"))).hasMessageContaining("duplicates");
    assertThatThrownBy(() -> new NgramVocabulary(List.of("abcde"))).hasMessageContaining("abcde");
  }
}
