package org.jaznet.recognizer.train;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.head.CtcCodec;
import org.jaznet.recognizer.head.DictCodec;
import org.jaznet.recognizer.head.HeadCodec;
import org.jaznet.recognizer.head.NgramVocabulary;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelSpec;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** A {@link Batch} as DL4J training data: each head's codec turns the words into its targets (and label mask). */
final class BatchEncoding {
  private BatchEncoding() {}

  /** The codec of each of the network's heads. */
  static Map<HeadKind, HeadCodec> codecsFor(JazNet net) {
    Map<HeadKind, HeadCodec> m = new EnumMap<>(HeadKind.class);
    ModelSpec s = net.spec();
    if (s.has(HeadKind.DICT)) {
      m.put(HeadKind.DICT, new DictCodec(s.dictionary(), s.dictActive()));
    }
    if (s.has(HeadKind.CHAR)) {
      m.put(HeadKind.CHAR, CharCodec.of(s.charSymbols()));
    }
    if (s.has(HeadKind.CTC)) {
      m.put(HeadKind.CTC, CtcCodec.of(s.symbols()));
    }
    if (s.has(HeadKind.NGRAM)) {
      m.put(HeadKind.NGRAM, new NgramVocabulary(s.ngrams()));
    }
    return m;
  }

  /** Features [N, 1, 32, 100] and one label (and label mask) per head in the graph's output order. */
  static MultiDataSet toMultiDataSet(JazNet net, Map<HeadKind, HeadCodec> codecs, Batch b) {
    INDArray features = Nd4j.create(b.pixels(), new long[] {b.size(), 1, Preprocessor.HEIGHT, Preprocessor.WIDTH}, 'c');
    List<HeadKind> order = net.outputOrder();
    INDArray[] labels = new INDArray[order.size()];
    INDArray[] masks = new INDArray[order.size()];
    boolean anyMask = false;
    for (int i = 0; i < order.size(); i++) {
      HeadCodec c = codecs.get(order.get(i));
      labels[i] = c.targets(b.words());
      masks[i] = c.labelMask(b.words());
      anyMask |= masks[i] != null;
    }
    return new MultiDataSet(new INDArray[] {features}, labels, null, anyMask ? masks : null);
  }
}
