package org.jaznet.recognizer.model;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.head.SymbolSet;

/**
 * Everything needed to rebuild a network's graph in code (the model file stores this, never a DL4J
 * configuration).
 *
 * @param arch the trunk
 * @param heads the heads on the trunk (at least one)
 * @param dictionary the DICT class list, in order (lowercase alphanumeric words, no duplicates); also the
 *     word list NGRAM's unconstrained reading searches. Required for DICT and NGRAM.
 * @param dictActive how many leading dictionary classes the DICT output has now (incremental training);
 *     0 when there is no DICT head
 * @param ngrams the NGRAM vocabulary, in output order (empty when there is no NGRAM head)
 * @param optimiser update rule
 * @param learningRate initial learning rate (&gt; 0)
 * @param l2 L2 weight decay (&gt;= 0)
 * @param dropout probability of DROPPING a unit at the dropout points (the paper: 0.5), in [0, 1)
 * @param symbols what the CTC head reads ({@link SymbolSet#LOWER} for files written before sets existed);
 *     DICT and NGRAM read the standard protocol's 0-9 and a-z whatever it is
 * @param charSymbols what the CHAR head reads: its outputs are 23 positions x (the set's symbols + end);
 *     {@link SymbolSet#LOWER} (37) for files and checkpoints written before the field, and for a spec without a
 *     CHAR head
 */
public record ModelSpec(
    Arch arch,
    EnumSet<HeadKind> heads,
    List<String> dictionary,
    int dictActive,
    List<String> ngrams,
    Optimiser optimiser,
    double learningRate,
    double l2,
    double dropout,
    SymbolSet symbols,
    SymbolSet charSymbols) {

  /** A spec whose CHAR head (if any) reads {@link SymbolSet#LOWER}. */
  public ModelSpec(Arch arch, EnumSet<HeadKind> heads, List<String> dictionary, int dictActive, List<String> ngrams,
      Optimiser optimiser, double learningRate, double l2, double dropout, SymbolSet symbols) {
    this(arch, heads, dictionary, dictActive, ngrams, optimiser, learningRate, l2, dropout, symbols, SymbolSet.LOWER);
  }

  /** A spec whose CTC and CHAR heads (if any) read {@link SymbolSet#LOWER}. */
  public ModelSpec(Arch arch, EnumSet<HeadKind> heads, List<String> dictionary, int dictActive, List<String> ngrams,
      Optimiser optimiser, double learningRate, double l2, double dropout) {
    this(arch, heads, dictionary, dictActive, ngrams, optimiser, learningRate, l2, dropout, SymbolSet.LOWER);
  }

  public ModelSpec {
    if (symbols == null) {
      throw new IllegalArgumentException("symbols must not be null");
    }
    if (charSymbols == null) {
      charSymbols = SymbolSet.LOWER; // checkpoints written before the field
    }
    if (arch == null) {
      throw new IllegalArgumentException("arch must not be null");
    }
    if (heads == null || heads.isEmpty()) {
      throw new IllegalArgumentException("heads must name at least one head, got " + heads);
    }
    heads = EnumSet.copyOf(heads);
    dictionary = List.copyOf(dictionary == null ? List.of() : dictionary);
    ngrams = List.copyOf(ngrams == null ? List.of() : ngrams);
    if (optimiser == null) {
      throw new IllegalArgumentException("optimiser must not be null");
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
    }
    if (!(l2 >= 0) || Double.isInfinite(l2)) {
      throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    checkWords("dictionary", dictionary);
    if (heads.contains(HeadKind.DICT)) {
      if (dictionary.isEmpty()) {
        throw new IllegalArgumentException("the DICT head needs a non-empty dictionary");
      }
      if (dictActive < 1 || dictActive > dictionary.size()) {
        throw new IllegalArgumentException(
            "dictActive must be in [1, " + dictionary.size() + "] (dictionary size), got " + dictActive);
      }
    } else if (dictActive != 0) {
      throw new IllegalArgumentException("dictActive must be 0 without a DICT head, got " + dictActive);
    }
    if (heads.contains(HeadKind.NGRAM)) {
      if (ngrams.isEmpty()) {
        throw new IllegalArgumentException("the NGRAM head needs a non-empty N-gram vocabulary");
      }
      if (dictionary.isEmpty()) {
        throw new IllegalArgumentException("the NGRAM head needs a dictionary to decode against");
      }
      Set<String> seen = new HashSet<>();
      for (String g : ngrams) {
        if (g == null || g.isEmpty() || g.length() > 4 || !CharCodec.isNormalised(g) || !seen.add(g)) {
          throw new IllegalArgumentException(
              "ngrams must be distinct lowercase alphanumeric strings of length 1..4, bad entry: '" + g + "'");
        }
      }
    } else if (!ngrams.isEmpty()) {
      throw new IllegalArgumentException("ngrams must be empty without an NGRAM head");
    }
    if (!heads.contains(HeadKind.CHAR) && charSymbols != SymbolSet.LOWER) {
      throw new IllegalArgumentException("charSymbols must be LOWER without a CHAR head, got " + charSymbols);
    }
  }

  private static void checkWords(String what, List<String> words) {
    Set<String> seen = new HashSet<>(words.size() * 2);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w == null || w.isEmpty() || !CharCodec.isNormalised(w)) {
        throw new IllegalArgumentException(
            what + " entry " + i + " must be a non-empty lowercase alphanumeric word, got '" + w + "'");
      }
      if (!seen.add(w)) {
        throw new IllegalArgumentException(what + " entry " + i + " duplicates an earlier word: '" + w + "'");
      }
    }
  }

  /** A spec with Adam (lr 1e-3), L2 1e-5, dropout 0.5 and every DICT class active. */
  public static ModelSpec of(Arch arch, EnumSet<HeadKind> heads, List<String> dictionary, List<String> ngrams) {
    return new ModelSpec(
        arch,
        heads,
        dictionary,
        heads.contains(HeadKind.DICT) ? dictionary.size() : 0,
        heads.contains(HeadKind.NGRAM) ? ngrams : List.of(),
        Optimiser.ADAM,
        1e-3,
        1e-5,
        0.5);
  }

  @Override
  public EnumSet<HeadKind> heads() {
    return EnumSet.copyOf(heads);
  }

  public boolean has(HeadKind head) {
    return heads.contains(head);
  }

  public ModelSpec withDictActive(int newActive) {
    return new ModelSpec(arch, heads, dictionary, newActive, ngrams, optimiser, learningRate, l2, dropout, symbols, charSymbols);
  }

  public ModelSpec withOptimiser(Optimiser newOptimiser, double newLearningRate) {
    return new ModelSpec(arch, heads, dictionary, dictActive, ngrams, newOptimiser, newLearningRate, l2, dropout, symbols, charSymbols);
  }

  public ModelSpec withRegularisation(double newL2, double newDropout) {
    return new ModelSpec(arch, heads, dictionary, dictActive, ngrams, optimiser, learningRate, newL2, newDropout, symbols, charSymbols);
  }

  /** The same spec with a CHAR head over {@code newCharSymbols}. */
  public ModelSpec withCharSymbols(SymbolSet newCharSymbols) {
    return new ModelSpec(arch, heads, dictionary, dictActive, ngrams, optimiser, learningRate, l2, dropout, symbols,
        newCharSymbols);
  }

  public ModelSpec withSymbols(SymbolSet newSymbols) {
    return new ModelSpec(arch, heads, dictionary, dictActive, ngrams, optimiser, learningRate, l2, dropout, newSymbols, charSymbols);
  }
}
