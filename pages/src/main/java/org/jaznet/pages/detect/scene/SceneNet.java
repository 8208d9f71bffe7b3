package org.jaznet.pages.detect.scene;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.jaznet.recognizer.model.Dl4jSetup;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The scene detector's network, fully convolutional (input sides multiples of 16):
 * <pre>
 * [N, 1, H, W] grey
 *  -> pool2; conv3x3 w; conv3x3 w            1/2
 *  -> pool2; conv3x3 2w; conv3x3 2w     = f4  1/4
 *  -> pool2; conv3x3 4w; conv3x3 4w     = f8  1/8
 *  -> pool2; conv3x3 4w; conv3x3 4w x2  = f16 1/16 (context of about 200 input pixels)
 *  -> up2(f16) ++ f8 -> conv3x3 4w; up2 ++ f4 -> conv3x3 2w     1/4
 *  -> conv1x1 1, sigmoid                  [N, 1, H/4, W/4] word-kernel probability
 * </pre>
 * every conv followed by batch normalisation and ReLU; trained with binary cross-entropy in which text
 * cells weigh {@link SceneTrainer#POSITIVE_WEIGHT} times a background cell (through the label mask), since
 * only about 5 % of cells are text. A kernel map with box growth (as PSENet's and DBNet's shrunk text
 * regions, without their learned thresholds) rather than box regression: no anchors, words kept apart,
 * one cheap extraction per page.
 *
 * <p>Measured on the way: downsampling is 2x2 max pooling because with stride-2 convolutions (through
 * oneDNN) the net stayed at the constant predictor for 55 minutes of training; dilated convolutions are
 * refused by oneDNN in this DL4J version and the built-in fallback made a step 2x slower, so context comes
 * from the 1/16 level. A soft Dice (DL4J's F-measure loss) was tried only with the stride-2 convolutions.
 */
public final class SceneNet {
  public static final String INPUT = "in";
  public static final String OUTPUT = "out";
  /**
   * The output bias starts at the logit of the share of text cells (about 5 %), as in RetinaNet: from
   * 0 (p = 0.5 everywhere) Adam moves it by about the learning rate per step, and a probe run spent its
   * first thousand steps only learning that most cells are background.
   */
  static final double PRIOR_LOGIT = -3.0;

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
    prev = conv(b, "c1", prev, w, 2);
    prev = conv(b, "c2", prev, w, 1);
    prev = conv(b, "c3", prev, 2 * w, 2);
    String f4 = conv(b, "c4", prev, 2 * w, 1);
    prev = conv(b, "c5", f4, 4 * w, 2);
    String f8 = conv(b, "c6", prev, 4 * w, 1);
    prev = conv(b, "c7", f8, 4 * w, 2);
    prev = conv(b, "c8", prev, 4 * w, 1);
    String f16 = conv(b, "c9", prev, 4 * w, 1);
    b.addLayer("up16", new Upsampling2D.Builder(2).build(), f16);
    b.addVertex("m8", new MergeVertex(), "up16", f8);
    prev = conv(b, "u8", "m8", 4 * w, 1);
    b.addLayer("up8", new Upsampling2D.Builder(2).build(), prev);
    b.addVertex("m4", new MergeVertex(), "up8", f4);
    prev = conv(b, "u4", "m4", 2 * w, 1);
    b.addLayer("logit", new ConvolutionLayer.Builder(1, 1).nOut(1).activation(Activation.IDENTITY)
        .weightInit(WeightInit.XAVIER).biasInit(PRIOR_LOGIT).build(), prev);
    b.addLayer(OUTPUT, new CnnLossLayer.Builder(LossFunctions.LossFunction.XENT).activation(Activation.SIGMOID).build(), "logit");
    b.setOutputs(OUTPUT);
    ComputationGraph g = new ComputationGraph(b.build());
    g.init();
    return g;
  }

  private static String conv(ComputationGraphConfiguration.GraphBuilder b, String name, String in, int out, int stride) {
    if (stride == 2) {
      // downsample by 2x2 max pooling, then a stride-1 conv (see the class comment)
      b.addLayer(name + "_pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2)
          .stride(2, 2).build(), in);
      in = name + "_pool";
    }
    b.addLayer(name, new ConvolutionLayer.Builder(3, 3).stride(1, 1).nOut(out)
        .activation(Activation.IDENTITY).hasBias(false).build(), in);
    b.addLayer(name + "_bn", new BatchNormalization.Builder().activation(Activation.RELU).build(), name);
    return name + "_bn";
  }
}
