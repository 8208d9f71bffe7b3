package org.jaznet.synth;

import java.util.SplittableRandom;
import org.jaznet.synth.canvas.Canvas;
import org.jaznet.synth.colour.BackdropLibrary;
import org.jaznet.synth.font.FontCatalog;
import org.jaznet.synth.stage.StageChain;
import org.jaznet.synth.text.Word;
import org.jaznet.synth.text.WordSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders word images with the config's recipe ({@link StageChain#of}: MJSynth's chain by default, the
 * printed-document chain for {@link SynthConfig.Recipe#document()}), grey or, if the config asks, in colour. Thread-safe:
 * {@link #render(long)} depends only on the config and the index (each thread reuses its own scratch
 * canvas), so the same seed and index give the same bytes on any thread, in any order.
 */
public final class SynthEngine {
  private static final Logger LOG = LoggerFactory.getLogger(SynthEngine.class);
  /** Words drawn again when no face displays the text; after them the render stage names the text. */
  private static final int WORD_REDRAWS = 16;
  private final SynthConfig config;
  private final Lexicon lexicon;
  private final WordSource words;
  private final FontCatalog fonts;
  private final BackdropLibrary backdrops;
  private final StageChain chain;
  private final ThreadLocal<Canvas> canvases = ThreadLocal.withInitial(Canvas::new);

  private SynthEngine(SynthConfig config, Lexicon lexicon, FontCatalog fonts, BackdropLibrary backdrops) {
    this.config = config;
    this.lexicon = lexicon;
    this.words = new WordSource(lexicon, config.randomStringRatio(), config.caseMode(),
        config.recipe().maxRandomLength(), config.shortWordRatio(), config.numberRatio(), config.printRatio());
    this.fonts = fonts;
    this.backdrops = backdrops;
    this.chain = StageChain.of(config.recipe(), fonts, backdrops);
  }

  /**
   * Loads the dictionary, fonts and backgrounds named by the config.
   *
   * @throws SynthException naming the input if the dictionary is missing/empty/not UTF-8, the font
   *     directory is missing or has no usable face, or the backgrounds directory has no readable photo
   */
  public static SynthEngine create(SynthConfig config) throws SynthException {
    Lexicon lexicon = Lexicon.read(config.dictionary());
    FontCatalog fonts = FontCatalog.load(config.fontsDir());
    BackdropLibrary backdrops = BackdropLibrary.load(config.backgroundsDir(), config.colour());
    LOG.info("synth engine: {} words from {}, {} faces in {} families from {} ({} skipped), {} backgrounds from {}"
        + " ({} skipped)", lexicon.size(), config.dictionary(), fonts.faces().size(), fonts.familyCount(),
        fonts.dir(), fonts.skipped(), backdrops.size(), backdrops.dir(), backdrops.skipped());
    return new SynthEngine(config, lexicon, fonts, backdrops);
  }

  public SynthConfig config() {
    return config;
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  public FontCatalog fonts() {
    return fonts;
  }

  public BackdropLibrary backdrops() {
    return backdrops;
  }

  public StageChain chain() {
    return chain;
  }

  /** The generator for one sample: seeded by (run seed, index) only. */
  static SplittableRandom randomFor(long seed, long index) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index).split();
  }

  /**
   * The generator of a colour sample's hues: a second split of the same root, so the main generator's
   * draws (and so the text, geometry and grey levels) are those of the grey sample.
   */
  static SplittableRandom colourRandomFor(long seed, long index) {
    SplittableRandom root = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    root.split();
    return root.split();
  }

  /** The text sample {@code index} shows, without rendering it (cheap: the word is the first draw). */
  public String textOf(long index) {
    return word(randomFor(config.seed(), index)).text();
  }

  /**
   * The sample's word: a text no face can display (a € with a font directory that lacks it, say) is drawn
   * again, so no tofu box is drawn under a label that claims the character. Extra draws happen only where
   * the render stage would otherwise fail, so they change no sample that renders.
   */
  private Word word(SplittableRandom r) {
    Word w = words.next(r);
    for (int t = 0; t < WORD_REDRAWS && !fonts.canDisplay(w.text()); t++) {
      w = words.next(r);
    }
    return w;
  }

  /** Renders sample {@code index}. */
  public SynthSample render(long index) {
    SplittableRandom r = randomFor(config.seed(), index);
    Word w = word(r);
    Canvas c = canvases.get();
    c.reset(w, config.colour() ? colourRandomFor(config.seed(), index) : null);
    try {
      chain.run(c, r);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sample " + index + " ('" + w.text() + "'): " + e.getMessage(), e);
    }
    return new SynthSample(index, w.text(), w.lexiconIndex(), c.outW, c.outH, c.grey, c.jpeg, c.charBoxes());
  }
}
