package org.jaznet.recognizer.model;

import java.util.List;

/**
 * One layer of a trunk, and the layer sequence of each {@link Arch} (shared by graph building, {@link GraphConfig},
 * and FLOP counting, {@link Flops}).
 */
record TrunkLayer(String name, Kind kind, int kernel, int outputs, boolean dropoutBefore) {
  enum Kind { CONV, CONV_BN, POOL, PAD_RIGHT, DENSE }

  static TrunkLayer conv(String name, int kernel, int outputs) {
    return new TrunkLayer(name, Kind.CONV, kernel, outputs, false);
  }

  static TrunkLayer convBn(String name, int kernel, int outputs) {
    return new TrunkLayer(name, Kind.CONV_BN, kernel, outputs, false);
  }

  static TrunkLayer pool(String name) {
    return new TrunkLayer(name, Kind.POOL, 2, 0, false);
  }

  static TrunkLayer padRight(String name) {
    return new TrunkLayer(name, Kind.PAD_RIGHT, 0, 0, false);
  }

  static TrunkLayer dense(String name, int outputs, boolean dropoutBefore) {
    return new TrunkLayer(name, Kind.DENSE, 0, outputs, dropoutBefore);
  }

  /** The layer sequence of a trunk. */
  static List<TrunkLayer> of(Arch arch) {
    return switch (arch) {
      case SMALL -> List.of(
          conv("conv1", 3, 32),
          pool("pool1"),
          conv("conv2", 3, 64),
          pool("pool2"),
          conv("conv3", 3, 128),
          conv("conv4", 3, 128),
          pool("pool3"),
          dense(JazNet.FEATURES, 512, false));
      // SMALL with batch normalisation after every convolution: same FLOPs (+1 %), converges in far
      // fewer images, which is what a CPU-only training budget is short of.
      case SMALL_BN, SMALL_BN_RELU, SMALL_BN_RELU_SEQ -> List.of(
          convBn("conv1", 3, 32),
          pool("pool1"),
          convBn("conv2", 3, 64),
          pool("pool2"),
          convBn("conv3", 3, 128),
          convBn("conv4", 3, 128),
          pool("pool3"),
          dense(JazNet.FEATURES, 512, false));
      case PAPER -> List.of(
          conv("conv1", 5, 64),
          pool("pool1"),
          conv("conv2", 5, 128),
          pool("pool2"),
          conv("conv3", 3, 256),
          conv("conv4", 3, 512),
          padRight("pad4"),
          pool("pool3"),
          conv("conv5", 3, 512),
          dense("fc1", 4096, false),
          dense(JazNet.FEATURES, 4096, true));
    };
  }

  /**
   * Index of the trunk layer the CTC branch reads: the last convolution before the last pooling, whose
   * map is [C, 8, 25] (25 columns of 4 input pixels each: the CTC steps).
   */
  static int ctcTap(List<TrunkLayer> layers) {
    int lastPool = -1;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).kind() == Kind.POOL) {
        lastPool = i;
      }
    }
    for (int i = lastPool; i >= 0; i--) {
      Kind k = layers.get(i).kind();
      if (k == Kind.CONV || k == Kind.CONV_BN) {
        return i;
      }
    }
    throw new IllegalStateException("the trunk has no convolution before its last pooling");
  }
}
