/**
 * Turns any word image (BufferedImage, OpenCV Mat, file) into the network's input: grey, bilinear
 * resize to 100x32, per-image (x - mean) / (std + 1e-4), as the released VGG models.
 */
package org.jaznet.recognizer.preprocess;
