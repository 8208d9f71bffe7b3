package org.jaznet.synth.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jaznet.synth.Lexicon;
import org.jaznet.synth.ProjectPaths;
import org.jaznet.synth.font.FontCatalog;
import org.jaznet.synth.raster.GreyRaster;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentSynthTest {
  private static DocumentSynth synth;

  @BeforeAll
  static void load() throws Exception {
    synth = new DocumentSynth(FontCatalog.load(ProjectPaths.fonts()), Lexicon.read(ProjectPaths.defaultDictionary()));
  }

  private static byte[] pixels(BufferedImage img) {
    return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
  }

  @Test
  void sameSeedSameBytesAndLayout(@TempDir Path dir) throws Exception {
    synth.writeSet(dir.resolve("a"), 2, 42);
    synth.writeSet(dir.resolve("b"), 2, 42);
    for (String f : List.of("images/page-00001.png", "images/page-00002.png", "words.jsonl")) {
      assertThat(Files.readAllBytes(dir.resolve("a").resolve(f))).as(f)
          .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    }
    // page i does not depend on how many pages are written, and another seed differs
    DocPage p1 = synth.render(42, 1, true);
    assertThat(GreyRaster.png(p1.image())).isEqualTo(Files.readAllBytes(dir.resolve("a/images/page-00002.png")));
    assertThat(synth.render(43, 1, true).words()).isNotEqualTo(p1.words());
  }

  @Test
  void wordsJsonlHasTheFunsdLayout(@TempDir Path dir) throws Exception {
    synth.writeSet(dir, 1, 5);
    List<String> lines = Files.readAllLines(dir.resolve("words.jsonl"), StandardCharsets.UTF_8);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).startsWith("{\"image\": \"page-00001.png\", \"words\": [{\"box\": [");
    JsonNode j = new ObjectMapper().readTree(lines.get(0));
    BufferedImage img = ImageIO.read(dir.resolve("images").resolve(j.get("image").asText()).toFile());
    assertThat(j.get("words").size()).isGreaterThan(50);
    boolean cased = false;
    for (JsonNode w : j.get("words")) {
      JsonNode b = w.get("box");
      assertThat(b.size()).isEqualTo(4);
      int x = b.get(0).asInt();
      int y = b.get(1).asInt();
      assertThat(x).isNotNegative();
      assertThat(y).isNotNegative();
      assertThat(x + b.get(2).asInt()).isLessThanOrEqualTo(img.getWidth());
      assertThat(y + b.get(3).asInt()).isLessThanOrEqualTo(img.getHeight());
      String t = w.get("text").asText();
      assertThat(t).isNotBlank().doesNotContain(" ");
      cased |= !t.equals(t.toLowerCase(Locale.ROOT));
    }
    assertThat(cased).isTrue();
    assertThat(img.getWidth()).isBetween(827, 1241);
  }

  @Test
  void cleanBoxesAreTightInkBounds() {
    for (int page = 0; page < 2; page++) {
      DocPage p = synth.render(11, page, false);
      BufferedImage img = p.image();
      int w = img.getWidth();
      int h = img.getHeight();
      byte[] px = pixels(img);
      int paper = px[0] & 0xFF; // the corner is margin
      assertThat(p.words()).hasSizeGreaterThan(50);
      for (DocWord d : p.words()) {
        int min = 255;
        for (int y = d.y(); y < d.y() + d.h(); y++) {
          for (int x = d.x(); x < d.x() + d.w(); x++) {
            min = Math.min(min, px[y * w + x] & 0xFF);
          }
        }
        assertThat(min).as("ink in %s", d).isLessThan(paper - 60);
        // every edge row / column of the box holds ink (tight), the ring just outside none that dark
        int inkLevel = paper - (paper - min) * DocumentSynth.INK_THRESHOLD / 255;
        assertThat(edgeHasInk(px, w, d.x(), d.y(), d.x() + d.w() - 1, d.y(), inkLevel)).as("top %s", d).isTrue();
        assertThat(edgeHasInk(px, w, d.x(), d.y() + d.h() - 1, d.x() + d.w() - 1, d.y() + d.h() - 1, inkLevel))
            .as("bottom %s", d).isTrue();
        assertThat(edgeHasInk(px, w, d.x(), d.y(), d.x(), d.y() + d.h() - 1, inkLevel)).as("left %s", d).isTrue();
        assertThat(edgeHasInk(px, w, d.x() + d.w() - 1, d.y(), d.x() + d.w() - 1, d.y() + d.h() - 1, inkLevel))
            .as("right %s", d).isTrue();
      }
    }
  }

  /**
   * LINE boxes hold their word's INK box, share its horizontal extent, and give the words of one text line
   * one band: a word without ascenders or descenders is as high as its neighbours.
   */
  @Test
  void lineBoxesSpanTheLineBand(@TempDir Path dir) throws Exception {
    DocPage p = synth.render(11, 0, false);
    assertThat(p.lineWords()).hasSameSizeAs(p.words());
    int taller = 0;
    for (int i = 0; i < p.words().size(); i++) {
      DocWord ink = p.words().get(i);
      DocWord line = p.lineWords().get(i);
      assertThat(line.text()).isEqualTo(ink.text());
      assertThat(line.x()).isEqualTo(ink.x());
      assertThat(line.w()).isEqualTo(ink.w());
      assertThat(line.y()).isLessThanOrEqualTo(ink.y());
      assertThat(line.y() + line.h()).isGreaterThanOrEqualTo(ink.y() + ink.h());
      if (line.h() >= ink.h() * 1.3) {
        taller++;
      }
    }
    assertThat(taller).as("x-height-only words made taller").isGreaterThan(p.words().size() / 10);
    // in a line of body text, words of one baseline share their band
    for (int i = 1; i < p.words().size(); i++) {
      DocWord a = p.lineWords().get(i - 1);
      DocWord b = p.lineWords().get(i);
      DocWord ia = p.words().get(i - 1);
      DocWord ib = p.words().get(i);
      boolean sameLine = b.x() > a.x() && Math.abs(a.y() - b.y()) <= 1 && ia.h() > 0 && ib.h() > 0;
      if (sameLine) {
        assertThat(Math.abs(a.h() - b.h())).as("%s / %s", a, b).isLessThanOrEqualTo(1);
      }
    }
    // words.jsonl carries the convention asked for; LINE by default
    synth.writeSet(dir.resolve("line"), 1, 11);
    synth.writeSet(dir.resolve("ink"), 1, 11, DocumentConfig.defaults().withBoxes(WordBoxes.INK));
    String line = Files.readString(dir.resolve("line/words.jsonl"));
    String ink = Files.readString(dir.resolve("ink/words.jsonl"));
    DocPage scanned = synth.render(11, 0, true);
    assertThat(line).isEqualTo(DocumentSynth.jsonLine("page-00001.png", scanned.lineWords()) + "\n");
    assertThat(ink).isEqualTo(DocumentSynth.jsonLine("page-00001.png", scanned.words()) + "\n");
    assertThat(Files.readAllBytes(dir.resolve("line/images/page-00001.png")))
        .isEqualTo(Files.readAllBytes(dir.resolve("ink/images/page-00001.png")));
  }

  private static boolean edgeHasInk(byte[] px, int w, int x0, int y0, int x1, int y1, int level) {
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        if ((px[y * w + x] & 0xFF) <= level) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void scannedBoxesStillHoldTheirInk() {
    DocPage clean = synth.render(3, 0, false);
    DocPage scan = synth.render(3, 0, true);
    assertThat(scan.words()).extracting(DocWord::text).isEqualTo(clean.words().stream().map(DocWord::text).toList());
    assertThat(Math.abs(scan.angleDegrees())).isLessThanOrEqualTo(2.0);
    byte[] px = pixels(scan.image());
    int w = scan.image().getWidth();
    long paperSum = 0;
    for (int x = 0; x < 40; x++) {
      paperSum += px[5 * w + x + 5] & 0xFF;
    }
    double paper = paperSum / 40.0;
    for (DocWord d : scan.words()) {
      long sum = 0;
      for (int y = d.y(); y < d.y() + d.h(); y++) {
        for (int x = d.x(); x < d.x() + d.w(); x++) {
          sum += px[y * w + x] & 0xFF;
        }
      }
      assertThat(sum / (double) (d.w() * d.h())).as("mean grey in %s", d).isLessThan(paper - 12);
    }
  }

  /** The text in each box is what was drawn: Tesseract reads the crops of a clean page back. */
  @Test
  void tesseractReadsTheBoxedWords(@TempDir Path dir) throws Exception {
    assumeTrue(tesseractAvailable(), "tesseract not on PATH");
    DocPage p = synth.render(21, 0, false);
    int agree = 0;
    int n = 0;
    for (int i = 0; i < p.words().size() && n < 12; i += Math.max(1, p.words().size() / 12)) {
      DocWord d = p.words().get(i);
      int pad = 6;
      BufferedImage crop = new BufferedImage(d.w() + 2 * pad, d.h() + 2 * pad, BufferedImage.TYPE_BYTE_GRAY);
      java.awt.Graphics2D g = crop.createGraphics();
      g.setColor(new java.awt.Color(p.image().getRGB(0, 0)));
      g.fillRect(0, 0, crop.getWidth(), crop.getHeight());
      g.drawImage(p.image().getSubimage(d.x(), d.y(), d.w(), d.h()), pad, pad, null);
      g.dispose();
      Path f = dir.resolve("w" + i + ".png");
      ImageIO.write(crop, "png", f.toFile());
      Process proc = new ProcessBuilder("tesseract", f.toString(), "stdout", "--psm", "8").redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      proc.waitFor(30, TimeUnit.SECONDS);
      n++;
      if (norm(out).equals(norm(d.text()))) {
        agree++;
      }
    }
    assertThat(n).isEqualTo(12);
    assertThat(agree).as("words read back").isGreaterThanOrEqualTo(8);
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^0-9a-z]", "");
  }

  private static boolean tesseractAvailable() {
    try {
      Process p = new ProcessBuilder("tesseract", "--version").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
