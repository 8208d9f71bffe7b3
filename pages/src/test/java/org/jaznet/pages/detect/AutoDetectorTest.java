package org.jaznet.pages.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class AutoDetectorTest {
  /** A grey page whose top {@code light} share is paper (level 220) and the rest a dark photograph (60). */
  private static BufferedImage page(double light) {
    BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(60, 60, 60));
    g.fillRect(0, 0, 400, 300);
    g.setColor(new Color(220, 220, 220));
    g.fillRect(0, 0, 400, (int) Math.round(300 * light));
    g.dispose();
    return img;
  }

  @Test
  void aPageMostlyOfPaperIsADocument() {
    assertThat(AutoDetector.paperFraction(page(0.85))).isBetween(0.84, 0.86);
    assertThat(AutoDetector.isDocument(page(0.85))).isTrue();
  }

  @Test
  void aPhotographWithALightSignInItIsNoDocument() {
    // synthetic scenes with a light sign reach paper fractions up to 0.74
    assertThat(AutoDetector.isDocument(page(0.70))).isFalse();
    assertThat(AutoDetector.isDocument(page(0.2))).isFalse();
  }
}
