package org.jaznet.synth;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Renders word images. Thread-safe: {@link #render(long)} depends only on the config and the index.
 *
 * <p>INTERIM: a plain Java2D renderer so that other modules can build against this API; the full
 * MJSynth stage chain replaces the body of {@link #render(long)}.
 */
public final class SynthEngine {
  private final SynthConfig config;
  private final Lexicon lexicon;

  private SynthEngine(SynthConfig config, Lexicon lexicon) {
    this.config = config;
    this.lexicon = lexicon;
  }

  /** Loads the dictionary, fonts and backgrounds named by the config. */
  public static SynthEngine create(SynthConfig config) throws SynthException {
    return new SynthEngine(config, Lexicon.read(config.dictionary()));
  }

  public SynthConfig config() {
    return config;
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  /** The generator for one sample: seeded by (run seed, index) only. */
  static SplittableRandom randomFor(long seed, long index) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index).split();
  }

  /** The text sample {@code index} shows, without rendering it (cheap). */
  public String textOf(long index) {
    SplittableRandom r = randomFor(config.seed(), index);
    String w = lexicon.get(r.nextInt(lexicon.size()));
    CaseMode m = config.caseMode() == CaseMode.MIXED ? CaseMode.values()[r.nextInt(3)] : config.caseMode();
    return m.apply(w);
  }

  /** Renders sample {@code index}. */
  public SynthSample render(long index) {
    String text = textOf(index);
    int h = 32;
    int w = Math.max(16, text.length() * 14 + 8);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 22));
    g.drawString(text, 4, 24);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "jpg", out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    byte[] grey = ((DataBufferByte) img.getRaster().getDataBuffer()).getData().clone();
    List<CharBox> boxes = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      float x = 4 + i * 14;
      boxes.add(new CharBox(text.charAt(i), x, 4, x + 14, 4, x + 14, 28, x, 28));
    }
    return new SynthSample(index, text, lexicon.indexOf(text), w, h, grey, out.toByteArray(), boxes);
  }
}
