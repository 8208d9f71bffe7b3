package org.jaznet.pages.input;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import org.jaznet.recognizer.preprocess.Preprocessor;

/** Brings decoded pages to the two layouts detectors take: 8-bit grey, or 8-bit BGR. */
final class Pixels {
  private Pixels() {}

  /**
   * {@code img} as {@link BufferedImage#TYPE_BYTE_GRAY} when it has no colour (grey, bilevel, 16-bit
   * grey, grey palettes), else as {@link BufferedImage#TYPE_3BYTE_BGR}; transparency is composited on white.
   */
  static BufferedImage normalise(BufferedImage img) {
    int t = img.getType();
    if (t == BufferedImage.TYPE_BYTE_GRAY || t == BufferedImage.TYPE_3BYTE_BGR) {
      return img;
    }
    ColorModel cm = img.getColorModel();
    boolean grey = cm.getNumColorComponents() == 1 && !(cm instanceof IndexColorModel) && !cm.hasAlpha();
    if (cm instanceof IndexColorModel icm && !icm.hasAlpha() && isGreyPalette(icm)) {
      grey = true;
    }
    if (grey && cm.getPixelSize() > 1 && !(cm instanceof IndexColorModel)) {
      // 16-bit or odd-depth grey: scale its samples by the preprocessor's own rule
      BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
      out.getRaster().setDataElements(0, 0, img.getWidth(), img.getHeight(), Preprocessor.grey(img));
      return out;
    }
    BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(),
        grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      // drawing goes through the colour model: bilevel WhiteIsZero, palettes and alpha come out right
      g.drawImage(img, 0, 0, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static boolean isGreyPalette(IndexColorModel icm) {
    for (int i = 0; i < icm.getMapSize(); i++) {
      if (icm.getRed(i) != icm.getGreen(i) || icm.getGreen(i) != icm.getBlue(i)) {
        return false;
      }
    }
    return true;
  }
}
