package org.jaznet.recognizer.model;

/** The convolutional trunk under the heads. */
public enum Arch {
  /**
   * CPU-sized trunk (the default): conv3x3-32, pool, conv3x3-64, pool, conv3x3-128, conv3x3-128, pool,
   * dense 512. Sized so that training runs at about 150 images/s and inference at 500+ images/s on a
   * 2-vCPU machine with oneDNN; see {@code RecognizerBenchmark} for the measured figures. Kept: the fast
   * architecture of unit tests, the default of {@code train --arch}, and the arch of {@code models/tiny-50.zip}.
   */
  SMALL(512, false),
  /**
   * SMALL with batch normalisation after every convolution (no conv bias), as the default models up to
   * stage 5 were trained: the same cost per image, but it learns from far fewer images. The ReLU meant
   * to follow each normalisation is not there: DL4J's BatchNormalization ignores the activation it is
   * configured with (deeplearning4j issue 4222; found 2026-12-02 by folding the normalisations, see
   * {@link JazNet#inference()}), so these convolutions are linear up to the max-poolings, in the CTC
   * branch too. Kept so that the models trained this way load and read as they were trained: the default
   * model files of stages 1-4 (in the repository's history), which start SMALL_BN_RELU and SMALL_BN_RELU_SEQ runs.
   */
  SMALL_BN(512, false),
  /**
   * SMALL_BN as intended: convolution, batch normalisation, then a ReLU layer of its own, in the trunk and
   * the CTC branch. The same parameters as SMALL_BN under the same layer names (DL4J orders the flat
   * parameter vector differently, so weights are copied by name: {@link JazNet#setWeightsFrom}), so a
   * SMALL_BN model can start it ({@code train --init-from}). Kept: loads the default model files of stages 5-9,
   * from which the stage-10 SMALL_BN_RELU_SEQ model started.
   */
  SMALL_BN_RELU(512, true),
  /**
   * SMALL_BN_RELU with sequence context in the CTC branch: on the branch's [256, 1, 25] columns, two 1x5
   * convolutions of 128 channels (each with batch norm and ReLU) whose 1x1 projection to the 37 logits is added
   * to the branch's own logits. A column then sees 74 of the 100 input pixels instead of 42, for about 5 % more
   * multiply-adds (0.11 ms per image measured for the two convolutions, batch 64, oneDNN, against about 3 ms).
   * Measured first and rejected on this CPU: a bidirectional LSTM over the 25 steps (CRNN), because DL4J's LSTM
   * layer took 2.3 ms and libnd4j's fused lstmLayer op 1.4 ms per image (hidden 128 per direction, batch 64),
   * against about 3 ms for the whole model; and dilated 1x3 convolutions, because DL4J runs a dilated
   * convolution without oneDNN (1.2 ms against 0.19 ms per image for two 256-channel layers). The projection
   * starts at zero, so a SMALL_BN_RELU model starts this arch reading exactly as it did, and a SMALL_BN one as
   * SMALL_BN_RELU would (with the ReLUs) ({@link #canStartFrom}). The arch of the shipped default model
   * ({@code models/jaznet-default.zip}, stages 10 on).
   */
  SMALL_BN_RELU_SEQ(512, true),
  /**
   * The released VGG models of Jaderberg et al.: conv5x5-64, pool, conv5x5-128, pool, conv3x3-256,
   * conv3x3-512, pad one column right, pool, conv3x3-512, FC 4096, FC 4096, dropout 0.5. No model file uses it;
   * kept as the paper's architecture for cost comparison ({@code RecognizerBenchmark paper},
   * {@code bench recognize --arch paper}) and checked against the released layers' parameter count in a test.
   */
  PAPER(4096, false);

  private final int featureSize;
  private final boolean reluAfterBn;

  Arch(int featureSize, boolean reluAfterBn) {
    this.featureSize = featureSize;
    this.reluAfterBn = reluAfterBn;
  }

  /** Whether a ReLU follows each batch normalisation (trunk and CTC branch). */
  public boolean reluAfterBn() {
    return reluAfterBn;
  }

  /**
   * Whether a model of {@code other} has this arch's parameters under the same layer names (so its
   * weights can start a run of this arch).
   */
  public boolean sameParametersAs(Arch other) {
    return this == other || (bnFamily(this) && bnFamily(other));
  }

  /**
   * Whether a model of {@code other} can start a run of this arch ({@code train --init-from}): it has the same
   * parameters, or this arch only adds the CTC branch's sequence-context layers to other's.
   */
  public boolean canStartFrom(Arch other) {
    return sameParametersAs(other) || (this == SMALL_BN_RELU_SEQ && bnFamily(other));
  }

  /** Whether the CTC branch has the sequence-context layers of {@link #SMALL_BN_RELU_SEQ}. */
  public boolean sequenceContext() {
    return this == SMALL_BN_RELU_SEQ;
  }

  private static boolean bnFamily(Arch a) {
    return a == SMALL_BN || a == SMALL_BN_RELU;
  }

  /** Width of the feature vector the heads read. */
  public int featureSize() {
    return featureSize;
  }
}
