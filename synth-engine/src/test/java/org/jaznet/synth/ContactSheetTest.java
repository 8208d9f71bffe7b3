package org.jaznet.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Writes a contact sheet of 64 samples to {@code /tmp/jaznet-synth-sheet.png} (or
 * {@code -Djaznet.sheet=FILE}) for a human to judge realism: with the project's fonts, dictionary and
 * backgrounds when they are present, else the test data.
 */
class ContactSheetTest {
  @Test
  void render_64Samples_writesAContactSheet() throws Exception {
    SynthConfig project = SynthConfig.defaults(2026);
    boolean useProject = Files.isRegularFile(project.dictionary()) && Files.isDirectory(project.fontsDir())
        && Files.isDirectory(project.backgroundsDir());
    SynthEngine e = SynthEngine.create(useProject ? project : TestData.config(2026));
    int cols = 4;
    int cw = 220;
    int ch = 46;
    BufferedImage sheet = new BufferedImage(cols * cw, 16 * ch, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    for (int i = 0; i < 64; i++) {
      SynthSample s = e.render(i);
      BufferedImage img = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_BYTE_GRAY);
      img.getRaster().setDataElements(0, 0, s.width(), s.height(), s.grey());
      int x = (i % cols) * cw;
      int y = (i / cols) * ch;
      int w = Math.min(s.width(), cw - 4);
      g.drawImage(img, x + 2, y + 2, w, 32, null);
      g.setColor(new Color(200, 0, 0));
      g.drawString(s.text(), x + 2, y + 44);
    }
    g.dispose();
    Path out = Path.of(System.getProperty("jaznet.sheet", "/tmp/jaznet-synth-sheet.png"));
    ImageIO.write(sheet, "png", out.toFile());
    assertThat(Files.size(out)).isGreaterThan(10_000);
  }
}
