package org.jaznet.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jaznet.recognizer.head.SymbolSet;
import org.jaznet.synth.ProjectPaths;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped model files load and read exactly as they did when {@code shipped-readings/*.txt} were written (before
 * the CHAR head could read {@link SymbolSet#PRINT}): every fused reading, confidence, alternative and head reading, on
 * words drawn with one of the repository's fonts, unconstrained and with a lexicon. Run with
 * {@code -Djaznet.writeReadings=true} to rewrite the files (only after a change that is meant to alter readings).
 * Texts must match exactly; numbers to a relative 1e-4, since oneDNN's kernels round differently on Intel and AMD
 * CPUs (the same files read 0.07558063752 on one machine and 0.07558076174 on another).
 */
class ShippedModelsTest {
  static final List<String> WORDS = List.of("street", "Coffee", "OPEN", "$19.99", "don't", "2016", "a", "Paris",
      "bakery", "EXIT", "museum", "Hello!");
  static final List<String> LEXICON = List.of("street", "coffee", "open", "1999", "dont", "2016", "a", "paris",
      "bakery", "exit", "museum", "hello", "station", "river");

  @ParameterizedTest
  @ValueSource(strings = {"tiny-50", "jaznet-default"})
  void load_shippedModel_readsAsBefore(String model) throws Exception {
    Path golden = ProjectPaths.home().resolve("recognizer/src/test/resources/shipped-readings/" + model + ".txt");
    String read;
    try (Recognizer r = Recognizer.load(ProjectPaths.home().resolve("models/" + model + ".zip"))) {
      assertThat(r.net().spec().charSymbols()).isEqualTo(SymbolSet.LOWER);
      read = readings(r);
    }
    if (Boolean.getBoolean("jaznet.writeReadings")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, read, StandardCharsets.UTF_8);
    }
    assertSameReadings(read, Files.readString(golden, StandardCharsets.UTF_8));
  }

  /** {@code actual} equals {@code expected} token by token: words exactly, numbers to a relative 1e-4. */
  static void assertSameReadings(String actual, String expected) {
    String[] a = actual.split("\n", -1);
    String[] e = expected.split("\n", -1);
    assertThat(a.length).as("lines").isEqualTo(e.length);
    for (int i = 0; i < a.length; i++) {
      String[] at = a[i].trim().split(" ");
      String[] et = e[i].trim().split(" ");
      assertThat(at.length).as("tokens of line %d: '%s' vs '%s'", i + 1, a[i], e[i]).isEqualTo(et.length);
      for (int k = 0; k < at.length; k++) {
        if (at[k].equals(et[k])) {
          continue;
        }
        double x = number(at[k]);
        double y = number(et[k]);
        assertThat(Math.abs(x - y) <= 1e-4 * Math.max(Math.abs(x), Math.abs(y)))
            .as("line %d: '%s', expected '%s'", i + 1, a[i], e[i]).isTrue();
      }
    }
  }

  private static double number(String token) {
    try {
      return Double.parseDouble(token);
    } catch (NumberFormatException ex) {
      return Double.NaN; // a word that differs: NaN fails the comparison
    }
  }

  static String readings(Recognizer r) throws Exception {
    List<BufferedImage> images = new ArrayList<>();
    for (String w : WORDS) {
      images.add(draw(w));
    }
    StringBuilder sb = new StringBuilder();
    List<Recognition> free = r.recognizeAll(images);
    List<Recognition> lex = r.recognizeAll(images, LEXICON);
    for (int i = 0; i < WORDS.size(); i++) {
      sb.append(WORDS.get(i)).append('\n');
      describe(sb, "free", free.get(i));
      describe(sb, "lexicon", lex.get(i));
    }
    return sb.toString();
  }

  private static void describe(StringBuilder sb, String mode, Recognition rec) {
    sb.append("  ").append(mode).append(": ").append(rec.text()).append(' ').append(rec.confidence()).append('\n');
    for (Alternative a : rec.alternatives()) {
      sb.append("    alt ").append(a.text()).append(' ').append(a.confidence()).append('\n');
    }
    Map<HeadKind, HeadResult> heads = new TreeMap<>(rec.perHead());
    for (HeadResult h : heads.values()) {
      sb.append("    ").append(h.head()).append(' ').append(h.text()).append(' ').append(h.score()).append(' ')
          .append(h.lexiconText()).append(' ').append(h.lexiconScore()).append('\n');
    }
  }

  static BufferedImage draw(String text) throws IOException {
    Font font;
    try {
      font = Font.createFont(Font.TRUETYPE_FONT, ProjectPaths.fonts().resolve("008-LiberationSans-Regular.ttf").toFile())
          .deriveFont(28f);
    } catch (java.awt.FontFormatException e) {
      throw new IOException(e);
    }
    int w = 24 + 18 * text.length();
    BufferedImage img = new BufferedImage(w, 40, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, 40);
    g.setColor(Color.BLACK);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
    g.setFont(font);
    g.drawString(text, 8, 30);
    g.dispose();
    return img;
  }
}
