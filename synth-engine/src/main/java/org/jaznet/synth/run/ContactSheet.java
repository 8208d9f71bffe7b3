package org.jaznet.synth.run;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jaznet.synth.SynthSample;
import org.jaznet.synth.io.AtomicFiles;

/** A PNG grid of samples, each with its label drawn underneath: for judging realism by eye. */
public final class ContactSheet {
  /** Samples on a sheet. */
  public static final int SAMPLES = 64;
  static final int COLUMNS = 8;
  static final int CELL_W = 200;
  static final int IMAGE_H = 32;
  static final int CELL_H = IMAGE_H + 22;
  static final int MAX_IMAGE_W = CELL_W - 8;

  private ContactSheet() {}

  /** Draws the samples (shown at 32 px height, narrowed to fit a cell if needed). */
  public static BufferedImage draw(List<SynthSample> samples) {
    int rows = Math.max(1, (samples.size() + COLUMNS - 1) / COLUMNS);
    BufferedImage sheet = new BufferedImage(COLUMNS * CELL_W, rows * CELL_H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      FontMetrics fm = g.getFontMetrics();
      for (int k = 0; k < samples.size(); k++) {
        SynthSample s = samples.get(k);
        int x = (k % COLUMNS) * CELL_W + 4;
        int y = (k / COLUMNS) * CELL_H + 2;
        BufferedImage img = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        System.arraycopy(s.grey(), 0, px, 0, px.length);
        int w = Math.min(MAX_IMAGE_W, Math.max(1, Math.round(s.width() * (IMAGE_H / (float) s.height()))));
        g.drawImage(img, x, y, w, IMAGE_H, null);
        g.setColor(Color.BLACK);
        String label = s.text();
        while (label.length() > 1 && fm.stringWidth(label) > MAX_IMAGE_W) {
          label = label.substring(0, label.length() - 1);
        }
        g.drawString(label, x, y + IMAGE_H + fm.getAscent() + 1);
      }
    } finally {
      g.dispose();
    }
    return sheet;
  }

  /** Draws the sheet and writes it as PNG atomically. */
  public static void write(Path png, List<SynthSample> samples) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(draw(samples), "png", out)) {
      throw new IOException("no PNG writer available for " + png);
    }
    AtomicFiles.write(png, out.toByteArray());
  }
}
