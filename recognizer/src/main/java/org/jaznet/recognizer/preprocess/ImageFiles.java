package org.jaznet.recognizer.preprocess;

import static org.jaznet.recognizer.preprocess.Preprocessor.MAX_FILE_BYTES;
import static org.jaznet.recognizer.preprocess.Preprocessor.MAX_PIXELS;
import static org.jaznet.recognizer.preprocess.Preprocessor.MAX_SIDE;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jaznet.recognizer.RecognizerException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Image files to network input ({@link Preprocessor#toInput(Path)}): the file's size and the size its header
 * declares are checked before any pixel is decoded, then OpenCV's imdecode decodes it, with ImageIO as the fallback.
 */
final class ImageFiles {
  private ImageFiles() {}

  /** As {@link Preprocessor#toInput(Path, float[], int)}. */
  static void toInput(Path file, float[] dst, int offset) throws RecognizerException {
    if (file == null) {
      throw new RecognizerException("image path is null");
    }
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size == 0) {
        throw new RecognizerException("image file " + file + " is empty");
      }
      if (size > MAX_FILE_BYTES) {
        throw new RecognizerException("image file " + file + " is too large (" + size + " bytes)");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new RecognizerException("cannot read image file " + file + ": " + e, e);
    }
    checkDeclaredSize(bytes, file);
    OpenCvLoader.ensure();
    MatOfByte buf = new MatOfByte(bytes);
    Mat decoded = null;
    try {
      decoded = Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_UNCHANGED);
      if (decoded != null && !decoded.empty() && decoded.channels() != 2
          && (CvType.depth(decoded.type()) == CvType.CV_8U || CvType.depth(decoded.type()) == CvType.CV_16U)) {
        Preprocessor.toInput(decoded, dst, offset);
        return;
      }
    } catch (RuntimeException e) {
      // fall through to ImageIO
    } finally {
      buf.release();
      if (decoded != null) {
        decoded.release();
      }
    }
    BufferedImage img;
    try {
      img = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new RecognizerException("image file " + file + " cannot be decoded: " + e.getMessage(), e);
    }
    if (img == null) {
      throw new RecognizerException("image file " + file + " is not a decodable image");
    }
    try {
      Preprocessor.toInput(img, dst, offset);
    } catch (RecognizerException e) {
      throw new RecognizerException("image file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Refuses absurd sizes declared in the header, read by ImageIO without decoding pixels. */
  private static void checkDeclaredSize(byte[] bytes, Path file) throws RecognizerException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      if (in == null) {
        return;
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long w = reader.getWidth(0);
        long h = reader.getHeight(0);
        if (w <= 0 || h <= 0) {
          throw new RecognizerException("image file " + file + " declares zero size (" + w + "x" + h + ")");
        }
        if (w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS) {
          throw new RecognizerException("image file " + file + " declares an absurd size " + w + "x" + h
              + " (limits: " + MAX_SIDE + " px a side, " + MAX_PIXELS + " pixels)");
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      // An unreadable header is judged by the decoders below.
    }
  }
}
