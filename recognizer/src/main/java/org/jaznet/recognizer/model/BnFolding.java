package org.jaznet.recognizer.model;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The inference graph of a network ({@link JazNet#inference()}): a copy of its weights in the folded layout of
 * {@link GraphConfig#configuration(ModelSpec, long, boolean, CNN2DFormat)}, each batch normalisation folded into the
 * convolution before it, the dense rows reordered when the feature maps are NHWC.
 */
final class BnFolding {
  private BnFolding() {}

  /** A new graph computing what {@code graph} (of {@code spec}) does, with the maps in {@code format}. */
  static ComputationGraph fold(ComputationGraph graph, ModelSpec spec, long seed, CNN2DFormat format) {
    ComputationGraph folded = new ComputationGraph(GraphConfig.configuration(spec, seed, true, format));
    folded.init();
    for (Layer layer : folded.getLayers()) {
      String name = layer.conf().getLayer().getLayerName();
      Layer src = graph.getLayer(name);
      Layer bn = GraphConfig.hasLayer(graph, name + GraphConfig.BN_SUFFIX)
          ? graph.getLayer(name + GraphConfig.BN_SUFFIX) : null;
      if (bn == null) {
        for (Map.Entry<String, INDArray> p : src.paramTable().entrySet()) {
          INDArray dst = layer.getParam(p.getKey());
          if (!java.util.Arrays.equals(dst.shape(), p.getValue().shape())) {
            throw new IllegalStateException("inference graph layer " + name + " parameter " + p.getKey() + " has shape "
                + java.util.Arrays.toString(dst.shape()) + ", the network " + java.util.Arrays.toString(p.getValue().shape()));
          }
          dst.assign(p.getKey().equals("W") && format == CNN2DFormat.NHWC
              ? nhwcRows(folded, name, p.getValue()) : p.getValue());
        }
        continue;
      }
      BatchNormalization conf = (BatchNormalization) bn.conf().getLayer();
      INDArray gamma = bn.getParam("gamma").castTo(DataType.DOUBLE);
      INDArray beta = bn.getParam("beta").castTo(DataType.DOUBLE);
      INDArray mean = bn.getParam("mean").castTo(DataType.DOUBLE);
      // DL4J keeps either log10(std) (the default) or the variance (std = sqrt(var + eps))
      INDArray std = conf.isUseLogStd()
          ? Transforms.exp(bn.getParam("log10stdev").castTo(DataType.DOUBLE).mul(Math.log(10)), false)
          : Transforms.sqrt(bn.getParam("var").castTo(DataType.DOUBLE).add(conf.getEps()), false);
      INDArray scale = gamma.div(std).reshape(-1); // [nOut]
      INDArray w = src.getParam("W").castTo(DataType.DOUBLE); // [nOut, nIn, kH, kW]
      long nOut = w.size(0);
      INDArray wf = w.reshape('c', nOut, w.length() / nOut).mulColumnVector(scale.reshape(nOut, 1))
          .reshape('c', w.shape());
      INDArray bf = beta.reshape(-1).sub(mean.reshape(-1).mul(scale));
      layer.getParam("W").assign(wf.castTo(DataType.FLOAT));
      layer.getParam("b").assign(bf.reshape(layer.getParam("b").shape()).castTo(DataType.FLOAT));
    }
    return folded;
  }

  /**
   * The weights of a dense layer fed by feature maps, for the NHWC graph: DL4J flattens [C, H, W] maps
   * (index c*H*W + h*W + w) in NCHW and [H, W, C] maps (h*W*C + w*C + c) in NHWC, so the rows of
   * {@code w} [C*H*W, out] are reordered; any other parameter is returned as it is.
   */
  private static INDArray nhwcRows(ComputationGraph nhwcGraph, String layer, INDArray w) {
    if (!(nhwcGraph.getConfiguration().getVertices().get(layer) instanceof LayerVertex v)
        || !(v.getPreProcessor() instanceof CnnToFeedForwardPreProcessor flat)) {
      return w;
    }
    long c = flat.getNumChannels();
    long h = flat.getInputHeight();
    long wd = flat.getInputWidth();
    long out = w.size(1);
    return w.reshape('c', c, h, wd, out).permute(1, 2, 0, 3).dup('c').reshape('c', h * wd * c, out);
  }
}
