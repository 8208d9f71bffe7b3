package org.jaznet.recognizer.model;

import static org.jaznet.recognizer.model.GraphConfig.CONTEXT_CHANNELS;
import static org.jaznet.recognizer.model.GraphConfig.CONTEXT_KERNEL;
import static org.jaznet.recognizer.model.GraphConfig.CTC_CHANNELS;

import java.util.List;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.CharCodec;
import org.jaznet.recognizer.head.CtcCodec;
import org.jaznet.recognizer.preprocess.Preprocessor;

/** Forward FLOPs of a spec's network, counted from the layer shapes ({@link JazNet#forwardFlopsPerImage()}). */
final class Flops {
  private Flops() {}

  /** Forward FLOPs of one image (multiply and add counted separately). */
  static long perImage(ModelSpec spec) {
    long h = Preprocessor.HEIGHT;
    long w = Preprocessor.WIDTH;
    long c = 1;
    long flops = 0;
    boolean flat = false;
    for (TrunkLayer t : TrunkLayer.of(spec.arch())) {
      switch (t.kind()) {
        case CONV, CONV_BN -> {
          flops += 2L * h * w * t.outputs() * t.kernel() * t.kernel() * c;
          c = t.outputs();
        }
        case POOL -> {
          h = (h + 1) / 2;
          w = (w + 1) / 2;
        }
        case PAD_RIGHT -> w += 1;
        case DENSE -> {
          long in = flat ? c : c * h * w;
          flops += 2L * in * t.outputs();
          c = t.outputs();
          flat = true;
        }
      }
    }
    if (spec.has(HeadKind.CTC)) {
      long tapChannels = 1;
      List<TrunkLayer> layers = TrunkLayer.of(spec.arch());
      for (int i = 0; i <= TrunkLayer.ctcTap(layers); i++) {
        if (layers.get(i).outputs() > 0) {
          tapChannels = layers.get(i).outputs();
        }
      }
      long steps = CtcCodec.STEPS;
      flops += 2L * 4 * steps * 9 * tapChannels * CTC_CHANNELS;        // conv1 on [4, 25]
      flops += 2L * steps * 6 * CTC_CHANNELS * CTC_CHANNELS;           // conv2 2x3 on [2, 25] -> [1, 25]
      flops += 2L * steps * CTC_CHANNELS * spec.symbols().classes();           // 1x1 logits
      if (spec.arch().sequenceContext()) {
        flops += 2L * steps * CONTEXT_KERNEL * (CTC_CHANNELS + CONTEXT_CHANNELS) * CONTEXT_CHANNELS; // two 1x5
        flops += 2L * steps * CONTEXT_CHANNELS * spec.symbols().classes();     // their 1x1 logits
      }
    }
    long f = spec.arch().featureSize();
    if (spec.has(HeadKind.DICT)) {
      flops += 2L * f * spec.dictActive();
    }
    if (spec.has(HeadKind.CHAR)) {
      flops += 2L * f * CharCodec.of(spec.charSymbols()).width();
    }
    if (spec.has(HeadKind.NGRAM)) {
      flops += 2L * f * spec.ngrams().size();
    }
    return flops;
  }
}
