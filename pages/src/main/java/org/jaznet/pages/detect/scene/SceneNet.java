package org.jaznet.pages.detect.scene;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.jaznet.recognizer.model.Dl4jSetup;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The scene detector's network, fully convolutional (any input size divisible by 4):
 * <pre>
 * [N, 1, H, W] grey
 *  -> conv3x3 w, BN, ReLU                 [N, w, H, W]
 *  -> conv3x3/2 2w, BN, ReLU; conv3x3 2w  [N, 2w, H/2, W/2]
 *  -> conv3x3/2 4w, BN, ReLU; conv3x3 4w  [N, 4w, H/4, W/4]
 *  -> conv3x3 4w dilated 2, 4, 8 (context of about 150 input pixels, for words up to ~100 px high)
 *  -> conv1x1 1, sigmoid                   [N, 1, H/4, W/4] word-kernel probability
 * </pre>
 * trained with binary cross-entropy against shrunk word boxes. A kernel map with box growth (as in
 * PSENet's and DBNet's shrunk text regions, without their learned thresholds) rather than box
 * regression: it needs no anchors, keeps words apart, and costs one cheap extraction per page.
 */
public final class SceneNet {
  public static final String INPUT = "in";
  public static final String OUTPUT = "out";

  private SceneNet() {}

  public static ComputationGraph create(SceneNetConfig config, long seed, double learningRate) {
    Dl4jSetup.ensure();
    int w = config.width();
    ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder()
        .seed(seed)
        .dataType(DataType.FLOAT)
        .updater(new Adam(learningRate))
        .weightInit(WeightInit.RELU)
        .convolutionMode(ConvolutionMode.Same)
        .graphBuilder()
        .addInputs(INPUT)
        .setInputTypes(InputType.convolutional(256, 256, 1));
    String prev = INPUT;
    prev = conv(b, "c1", prev, w, 1, 1);
    prev = conv(b, "c2", prev, 2 * w, 2, 1);
    prev = conv(b, "c3", prev, 2 * w, 1, 1);
    prev = conv(b, "c4", prev, 4 * w, 2, 1);
    prev = conv(b, "c5", prev, 4 * w, 1, 1);
    prev = conv(b, "d2", prev, 4 * w, 1, 2);
    prev = conv(b, "d4", prev, 4 * w, 1, 4);
    prev = conv(b, "d8", prev, 4 * w, 1, 8);
    b.addLayer("logit", new ConvolutionLayer.Builder(1, 1).nOut(1).activation(Activation.IDENTITY)
        .weightInit(WeightInit.XAVIER).build(), prev);
    b.addLayer(OUTPUT, new CnnLossLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID).build(), "logit");
    b.setOutputs(OUTPUT);
    ComputationGraph g = new ComputationGraph(b.build());
    g.init();
    return g;
  }

  private static String conv(ComputationGraphConfiguration.GraphBuilder b, String name, String in, int out, int stride,
      int dilation) {
    b.addLayer(name, new ConvolutionLayer.Builder(3, 3).stride(stride, stride).dilation(dilation, dilation).nOut(out)
        .activation(Activation.IDENTITY).hasBias(false).build(), in);
    b.addLayer(name + "_bn", new BatchNormalization.Builder().activation(Activation.RELU).build(), name);
    return name + "_bn";
  }
}
