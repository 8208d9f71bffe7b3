package org.jaznet.pages.detect.scene;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The scene detector's network and box geometry.
 *
 * @param width channels of the first block; later blocks have 2x and 4x
 * @param shrink the fraction of a word box's height its kernel loses on every side (targets and the
 *     inverse growth at extraction use the same value)
 * @param threshold kernel probability above which a map cell is text
 * @param maxSide the longer page side is scaled to at most this many pixels before the forward pass
 * @param minSide the longer side is scaled up to at least this (small photographs)
 */
public record SceneNetConfig(int width, double shrink, double threshold, int maxSide, int minSide) {
  /** The network's output stride: one map cell per 4x4 input pixels. */
  public static final int STRIDE = 4;
  /** Input sides must be multiples of this (the network's coarsest level is 1/16). */
  public static final int MULTIPLE = 16;

  public SceneNetConfig {
    checkArgument(width >= 4 && width <= 128, "width must be in [4, 128], got %s", width);
    checkArgument(shrink >= 0 && shrink < 0.5, "shrink must be in [0, 0.5), got %s", shrink);
    checkArgument(threshold > 0 && threshold < 1, "threshold must be in (0, 1), got %s", threshold);
    checkArgument(minSide >= 64 && maxSide >= minSide, "need 64 <= minSide <= maxSide, got %s, %s", minSide, maxSide);
  }

  public static SceneNetConfig defaults() {
    return new SceneNetConfig(16, 0.25, 0.5, 1024, 512);
  }
}
