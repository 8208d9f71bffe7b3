package org.jaznet.recognizer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.jaznet.recognizer.head.SymbolSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Copies weights between networks layer by layer and parameter by parameter by name ({@link JazNet#setWeightsFrom},
 * {@link JazNet#startFrom}, {@link JazNet#growDict}): a network of a larger arch keeps its new layers as initialised,
 * a CTC head over a larger symbol set is widened ({@link SymbolSet#LOWER} to {@link SymbolSet#PRINT}), and so is a
 * CHAR head ({@link CharHeadWidening}), a grown DICT head takes the old classes' columns.
 */
final class WeightTransfer {
  private WeightTransfer() {}

  /**
   * Sets {@code to}'s weights to {@code from}'s; with {@code allowNew}, the sequence-context layers {@code from}
   * lacks are left as initialised and CTC and CHAR outputs over a larger symbol set are widened.
   *
   * @return the names of the layers left as initialised
   */
  static List<String> copy(JazNet from, JazNet to, boolean allowNew) {
    ComputationGraph graph = to.graph();
    SymbolSet symbols = to.spec().symbols();
    List<String> kept = new ArrayList<>();
    for (Layer layer : graph.getLayers()) {
      String name = layer.conf().getLayer().getLayerName();
      Map<String, INDArray> mine = layer.paramTable();
      if (mine.isEmpty()) {
        continue;
      }
      if (!GraphConfig.hasLayer(from.graph(), name)) {
        if (allowNew && isContextLayer(name)) {
          kept.add(name);
          continue;
        }
        throw new IllegalArgumentException("the other network has no layer " + name);
      }
      Map<String, INDArray> theirs = from.graph().getLayer(name).paramTable();
      boolean widen = allowNew && from.spec().symbols() != symbols && CTC_OUTPUTS.contains(name);
      boolean widenChar = allowNew && name.equals(GraphConfig.CHAR_LOGITS)
          && CharHeadWidening.widens(from.spec().charSymbols(), to.spec().charSymbols());
      for (Map.Entry<String, INDArray> p : mine.entrySet()) {
        INDArray src = theirs.get(p.getKey());
        if (widenChar && src != null) {
          CharHeadWidening.copy(src, p.getValue(), from.spec().charSymbols(), to.spec().charSymbols(),
              p.getKey().equals("b"));
          continue;
        }
        if (widen && src != null) {
          widenCtcOutput(src, p.getValue(), from.spec().symbols(), symbols, name.equals("ctc_logits"),
              p.getKey().equals("b"));
          continue;
        }
        if (src == null || !java.util.Arrays.equals(src.shape(), p.getValue().shape())) {
          throw new IllegalArgumentException("layer " + name + " parameter " + p.getKey() + ": "
              + (src == null ? "missing" : java.util.Arrays.toString(src.shape())) + " in the other network, "
              + java.util.Arrays.toString(p.getValue().shape()) + " here");
        }
        p.getValue().assign(src.castTo(p.getValue().dataType()));
      }
    }
    return kept;
  }

  /** The layers whose outputs are the CTC classes (a 1x1 convolution each: W [classes, in, 1, 1], b [1, classes]). */
  private static final List<String> CTC_OUTPUTS = List.of("ctc_logits", "ctc_ctx_logits");

  /**
   * Copies a CTC output layer's parameter to a head over a larger symbol set ({@link SymbolSet#LOWER} to
   * {@link SymbolSet#PRINT}): each old symbol's row to the same symbol, the blank's to the new blank, a capital's
   * from its lowercase letter, with both letters' biases lowered by log 2 in the main logits, so that p(a) + p(A)
   * is the old p(a); punctuation rows start at zero weights with the blank's bias less {@value #NEW_MARK_OFFSET}.
   * So the new head's folded lattice ({@code CtcCodec.fold}) starts within a fraction of a percent of the old
   * head's, and training only has to learn what is new.
   */
  private static void widenCtcOutput(INDArray src, INDArray dst, SymbolSet from, SymbolSet to, boolean main,
      boolean bias) {
    int fromBlank = from.blank();
    for (int c = 0; c < to.classes(); c++) {
      int old;
      boolean letter = false;
      if (c == to.blank()) {
        old = fromBlank;
      } else {
        int f = to.foldedCode(c);
        old = f >= 0 && f < from.size() ? f : -1;
        letter = f >= 10;
      }
      if (bias) {
        double v;
        if (old < 0) {
          v = main ? src.getDouble((long) fromBlank) - NEW_MARK_OFFSET : 0;
        } else {
          v = src.getDouble((long) old) - (main && letter ? Math.log(2) : 0);
        }
        dst.putScalar((long) c, v);
      } else {
        INDArray row = dst.get(NDArrayIndex.point(c));
        if (old >= 0) {
          row.assign(src.get(NDArrayIndex.point(old)).castTo(dst.dataType()));
        } else {
          row.assign(0);
        }
      }
    }
  }

  /** How far below the blank a widened head's punctuation marks start (in logits). */
  static final double NEW_MARK_OFFSET = 8;

  private static boolean isContextLayer(String name) {
    return GraphConfig.CONTEXT_LAYERS.stream().anyMatch(c -> name.equals(c) || name.startsWith(c + "_"));
  }

  /**
   * Copies every parameter of {@code from} into {@code grown}, whose DICT output layer {@code dict} has more classes:
   * the old DICT weights and biases go into its first {@code oldActive} columns.
   */
  static void copyIntoGrownDict(ComputationGraph from, ComputationGraph grown, String dict, int oldActive) {
    for (Layer layer : from.getLayers()) {
      String name = layer.conf().getLayer().getLayerName();
      Layer target = grown.getLayer(name);
      for (Map.Entry<String, INDArray> p : layer.paramTable().entrySet()) {
        INDArray dst = target.getParam(p.getKey());
        if (name.equals(dict)) {
          // W [features, old] into W' [features, new]; b [1, old] into b' [1, new]
          dst.get(NDArrayIndex.all(), NDArrayIndex.interval(0, oldActive)).assign(p.getValue());
        } else {
          dst.assign(p.getValue());
        }
      }
    }
  }
}
