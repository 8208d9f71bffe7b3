package org.jaznet.synth.font;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.jaznet.synth.SynthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every usable face under a directory (recursively, sorted by path so that indices are stable).
 * Immutable and thread-safe.
 *
 * <p>Picking follows MJSynth: a family uniformly, then bold with probability {@code boldP} and italic
 * with {@code italicP}; the family's own bold/italic face is used when it has one, otherwise the style
 * is synthesised by the renderer. A face is used for a word only if it covers every character.
 */
public final class FontCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(FontCatalog.class);
  private static final int PICK_TRIES = 8;
  /**
   * Catalogs already loaded in this JVM, by directory and the path, size and modification time of every font
   * file in it: loading checks the ink of every printable glyph of every face (seconds for 319 faces), and a
   * trainer builds five engines on the same folder. A changed, added or removed file changes the key.
   */
  private static final Map<List<String>, FontCatalog> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

  private final Path dir;
  private final List<FontFace> faces;
  private final List<List<Integer>> families;
  private final int skipped;

  private FontCatalog(Path dir, List<FontFace> faces, int skipped) {
    this.dir = dir;
    this.faces = List.copyOf(faces);
    Map<String, List<Integer>> byFamily = new LinkedHashMap<>();
    for (int i = 0; i < faces.size(); i++) {
      byFamily.computeIfAbsent(faces.get(i).family(), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> fams = new ArrayList<>();
    for (List<Integer> f : byFamily.values()) {
      fams.add(List.copyOf(f));
    }
    this.families = List.copyOf(fams);
    this.skipped = skipped;
  }

  /**
   * Loads every .ttf/.otf file under {@code dir}.
   *
   * @throws SynthException naming the directory if it is missing or unreadable, or if no face loads
   */
  public static FontCatalog load(Path dir) throws SynthException {
    if (!Files.isDirectory(dir)) {
      throw new SynthException("font directory " + dir + " does not exist or is not a directory");
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).filter(FontCatalog::isFontFile).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new SynthException("cannot list font directory " + dir + ": " + e.getMessage(), e);
    }
    List<String> key = new ArrayList<>(files.size() + 1);
    key.add(dir.toAbsolutePath().normalize().toString());
    try {
      for (Path f : files) {
        key.add(f + "\t" + Files.size(f) + "\t" + Files.getLastModifiedTime(f).toMillis());
      }
    } catch (IOException e) {
      throw new SynthException("cannot read font files under " + dir + ": " + e.getMessage(), e);
    }
    FontCatalog known = LOADED.get(key);
    if (known != null) {
      return known;
    }
    List<FontFace> faces = new ArrayList<>();
    int skipped = 0;
    for (Path f : files) {
      try {
        faces.add(loadFace(f));
      } catch (IOException | FontFormatException | RuntimeException e) {
        skipped++;
        LOG.warn("skipping font {}: {}", f, e.getMessage());
      }
    }
    if (faces.isEmpty()) {
      throw new SynthException("font directory " + dir + " has no usable .ttf/.otf face ("
          + files.size() + " font files, " + skipped + " unreadable)");
    }
    if (skipped > 0) {
      LOG.warn("{} of {} font files under {} were skipped", skipped, files.size(), dir);
    }
    FontCatalog loaded = new FontCatalog(dir, faces, skipped);
    LOADED.put(List.copyOf(key), loaded);
    return loaded;
  }

  private static boolean isFontFile(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".ttf") || n.endsWith(".otf");
  }

  private static FontFace loadFace(Path f) throws IOException, FontFormatException {
    Font font = Font.createFont(Font.TRUETYPE_FONT, f.toFile());
    // A face without Latin letters is useless for word rendering; treat it like a broken file.
    if (font.canDisplayUpTo("Aa0") != -1) {
      throw new FontFormatException("no glyphs for basic Latin letters and digits");
    }
    String name = (font.getFontName(Locale.ROOT) + " " + font.getPSName()).toLowerCase(Locale.ROOT);
    boolean bold = name.contains("bold") || name.contains("black") || name.contains("heavy");
    boolean italic = name.contains("italic") || name.contains("oblique");
    return FontFace.of(f, font.getFamily(Locale.ROOT), bold, italic, font.deriveFont(1f));
  }

  public Path dir() {
    return dir;
  }

  public List<FontFace> faces() {
    return faces;
  }

  public int familyCount() {
    return families.size();
  }

  /** Font files that failed to load and were skipped. */
  public int skipped() {
    return skipped;
  }

  /** True if some face has a glyph for every character of {@code text}, i.e. {@link #pick} will succeed. */
  public boolean canDisplay(String text) {
    for (FontFace f : faces) {
      if (f.covers(text)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Picks a face for {@code text}.
   *
   * @throws IllegalArgumentException naming the text if no face covers it
   */
  public FontChoice pick(String text, double boldP, double italicP, RandomGenerator r) {
    boolean bold = r.nextDouble() < boldP;
    boolean italic = r.nextDouble() < italicP;
    for (int t = 0; t < PICK_TRIES; t++) {
      List<Integer> fam = families.get(r.nextInt(families.size()));
      int best = -1;
      int bestScore = -1;
      for (int i : fam) {
        FontFace f = faces.get(i);
        if (!f.covers(text)) {
          continue;
        }
        // Prefer exact style; a plain face beats a face with an unwanted style.
        int score = (f.bold() == bold ? 2 : 0) + (f.italic() == italic ? 2 : 0)
            + (!f.bold() && !f.italic() ? 1 : 0);
        if (score > bestScore) {
          bestScore = score;
          best = i;
        }
      }
      if (best >= 0) {
        FontFace f = faces.get(best);
        return new FontChoice(best, f, bold && !f.bold(), italic && !f.italic());
      }
    }
    for (int i = 0; i < faces.size(); i++) {
      if (faces.get(i).covers(text)) {
        return new FontChoice(i, faces.get(i), bold && !faces.get(i).bold(), italic && !faces.get(i).italic());
      }
    }
    throw new IllegalArgumentException("no font under " + dir + " has glyphs for every character of '" + text + "'");
  }
}
