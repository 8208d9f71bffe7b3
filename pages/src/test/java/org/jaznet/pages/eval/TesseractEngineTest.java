package org.jaznet.pages.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.jaznet.pages.PageBox;
import org.jaznet.pages.PageException;
import org.jaznet.pages.PageResult;
import org.jaznet.pages.PageWord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TesseractEngineTest {
  @Test
  void parsesTsvWordRows() throws PageException {
    String tsv = String.join("\n",
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
        "1\t1\t0\t0\t0\t0\t0\t0\t800\t600\t-1\t",
        "2\t1\t1\t0\t0\t0\t10\t10\t300\t40\t-1\t",
        "5\t1\t1\t1\t1\t1\t10\t10\t100\t30\t96.5\tHello",
        "5\t1\t1\t1\t1\t2\t120\t10\t100\t30\t91\tworld",
        "5\t1\t1\t1\t1\t3\t230\t10\t10\t30\t95\t ",
        "5\t1\t1\t1\t2\t1\t10\t50\t100\t30\t-1\tskip",
        "5\t1\t2\t1\t1\t1\t10\t300\t100\t30\t80\tSecond", "");
    PageResult r = TesseractEngine.parseTsv(tsv, "x.png");
    assertThat(r.width()).isEqualTo(800);
    assertThat(r.height()).isEqualTo(600);
    assertThat(r.words()).extracting(PageWord::text).containsExactly("Hello", "world", "Second");
    assertThat(r.words()).extracting(PageWord::line).containsExactly(1, 1, 2);
    assertThat(r.words()).extracting(PageWord::block).containsExactly(1, 1, 2);
    assertThat(r.words().get(0).box()).isEqualTo(new PageBox(10, 10, 100, 30));
    assertThat(r.words().get(0).confidence()).isEqualTo(0.965);
    assertThatThrownBy(() -> TesseractEngine.parseTsv("level\n", "x.png")).hasMessageContaining("x.png");
  }

  @Test
  void missingExecutableIsAClearError(@TempDir Path dir) throws Exception {
    Path img = dir.resolve("a.png");
    ImageIO.write(new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY), "png", img.toFile());
    TesseractEngine e = new TesseractEngine("no-such-tesseract-binary", "eng", 3, 5000, 1);
    assertThatThrownBy(() -> e.read(img)).isInstanceOf(PageException.class)
        .hasMessageContaining("no-such-tesseract-binary").hasMessageContaining("installed");
  }

  @Test
  void readsAGeneratedPageAndScoresIt(@TempDir Path dir) throws Exception {
    assumeTrue(TesseractEngine.available(), "tesseract not on PATH");
    BufferedImage img = new BufferedImage(900, 200, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 900, 200);
    g.setColor(Color.BLACK);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SERIF, Font.PLAIN, 40));
    g.drawString("The quick brown fox", 40, 90);
    g.drawString("jumps over 1234", 40, 160);
    g.dispose();
    Files.createDirectories(dir.resolve("images"));
    ImageIO.write(img, "png", dir.resolve("images/p.png").toFile());
    PageResult r = TesseractEngine.defaults().apply(dir.resolve("images/p.png"));
    assertThat(r.width()).isEqualTo(900);
    String text = r.words().stream().map(PageWord::text).collect(Collectors.joining(" "));
    assertThat(text).contains("quick").contains("brown").contains("1234");
    assertThat(r.words().get(0).line()).isEqualTo(1);
    assertThat(r.words().get(r.words().size() - 1).line()).isEqualTo(2);

    // through the evaluation: ground truth from Tesseract's own boxes must score perfectly
    StringBuilder words = new StringBuilder();
    for (PageWord w : r.words()) {
      PageBox b = w.box();
      words.append(words.length() == 0 ? "" : ", ").append(String.format(
          "{\"box\": [%d, %d, %d, %d], \"text\": \"%s\"}", b.x(), b.y(), b.w(), b.h(), w.text()));
    }
    Files.writeString(dir.resolve("words.jsonl"), "{\"image\": \"p.png\", \"words\": [" + words + "]}\n");
    EvalTotals t = EvalPages.evaluate(GroundTruthSet.read(dir), TesseractEngine.defaults());
    assertThat(t.images()).isEqualTo(1);
    assertThat(t.detection().f()).isEqualTo(1.0);
    assertThat(t.e2e().f()).isEqualTo(1.0);
    assertThat(t.pagesPerSecond()).isPositive();
    assertThat(List.of(t.e2eCased().f())).containsExactly(1.0);
  }
}
