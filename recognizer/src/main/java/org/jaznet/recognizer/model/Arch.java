package org.jaznet.recognizer.model;

/** The convolutional trunk under the heads. */
public enum Arch {
  /**
   * CPU-sized trunk (the default): conv3x3-32, pool, conv3x3-64, pool, conv3x3-128, conv3x3-128, pool,
   * dense 512. Sized so that training runs at about 150 images/s and inference at 500+ images/s on a
   * 2-vCPU machine with oneDNN; see {@code RecognizerBenchmark} for the measured figures.
   */
  SMALL(512),
  /**
   * SMALL with batch normalisation after every convolution (no conv bias): the same cost per image,
   * but it learns from far fewer images, so it is the trunk of the shipped default model.
   */
  SMALL_BN(512),
  /**
   * The released VGG models of Jaderberg et al.: conv5x5-64, pool, conv5x5-128, pool, conv3x3-256,
   * conv3x3-512, pad one column right, pool, conv3x3-512, FC 4096, FC 4096, dropout 0.5.
   */
  PAPER(4096);

  private final int featureSize;

  Arch(int featureSize) {
    this.featureSize = featureSize;
  }

  /** Width of the feature vector the heads read. */
  public int featureSize() {
    return featureSize;
  }
}
