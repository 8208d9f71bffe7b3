package org.jaznet.recognizer.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jaznet.recognizer.eval.Datasets;
import org.jaznet.recognizer.eval.LabelledDataset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskStreamTest {
  @TempDir static Path dir;

  @BeforeAll
  static void folder() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    StringBuilder labels = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      BufferedImage img = new BufferedImage(60, 24, BufferedImage.TYPE_BYTE_GRAY);
      Graphics2D g = img.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 60, 24);
      g.setColor(Color.BLACK);
      g.drawString("w" + i, 4, 18);
      g.dispose();
      ImageIO.write(img, "png", dir.resolve("images/" + i + ".png").toFile());
      labels.append(i).append(".png\tw").append(i).append('\n');
    }
    Files.write(dir.resolve("images/bad.png"), new byte[] {0, 1, 2});
    labels.append("bad.png\tbad\n");
    Files.writeString(dir.resolve("labels.tsv"), labels);
  }

  @Test
  void next_excludedAndUnreadableItems_neverInBatches() throws Exception {
    Set<String> seen = new HashSet<>();
    try (LabelledDataset d = Datasets.open(dir); DiskStream s = new DiskStream(d, i -> i != 0, 5, 2, 0, 7)) {
      for (int k = 0; k < 6; k++) {
        Batch b = s.next();
        assertThat(b.size()).isEqualTo(5);
        seen.addAll(b.words());
      }
      assertThat(s.failures()).isPositive();
    }
    assertThat(seen).doesNotContain("w0", "bad").contains("w1", "w5");
  }

  @Test
  void next_sameSeedAndFirstBatch_sameSequence() throws Exception {
    try (LabelledDataset d = Datasets.open(dir);
        DiskStream a = new DiskStream(d, i -> true, 3, 1, 0, 7);
        DiskStream b = new DiskStream(d, i -> true, 3, 2, 2, 7)) {
      a.next();
      a.next();
      Batch third = a.next();
      Batch resumed = b.next();
      assertThat(resumed.words()).isEqualTo(third.words());
      assertThat(resumed.pixels()).isEqualTo(third.pixels());
    }
  }
}
