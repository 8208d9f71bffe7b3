package org.jaznet.synth.colour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jaznet.synth.SynthException;
import org.jaznet.synth.canvas.OpenCvNative;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every photograph (.jpg/.jpeg/.png) under a directory, decoded at load time to grey at
 * {@link #HEIGHT} pixels high (and at least {@link #MIN_WIDTH} wide), sorted by path; loaded for colour,
 * also the hue of each of its grey clusters ({@link ChromaClusters}). Immutable and thread-safe. An
 * unreadable image is skipped with a warning; none usable is an error.
 */
public final class BackdropLibrary {
  private static final Logger LOG = LoggerFactory.getLogger(BackdropLibrary.class);
  /** Height of the stored grey arrays: a 32 px crop shows a quarter of the photo's height. */
  public static final int HEIGHT = 128;
  /** Narrower photos are scaled up so that crops for long words fit. */
  public static final int MIN_WIDTH = 512;

  private final Path dir;
  private final List<Backdrop> backdrops;
  /** Per backdrop, the hues of its 2 and of its 3 clusters; empty unless loaded for colour. */
  private final List<ChromaClusters> hues2;
  private final List<ChromaClusters> hues3;
  private final int skipped;

  private BackdropLibrary(Path dir, List<Backdrop> backdrops, List<ChromaClusters> hues2,
      List<ChromaClusters> hues3, int skipped) {
    this.dir = dir;
    this.backdrops = List.copyOf(backdrops);
    this.hues2 = List.copyOf(hues2);
    this.hues3 = List.copyOf(hues3);
    this.skipped = skipped;
  }

  /**
   * Loads the photos under {@code dir}, grey only.
   *
   * @throws SynthException naming the directory if it is missing or holds no readable image
   */
  public static BackdropLibrary load(Path dir) throws SynthException {
    return load(dir, false);
  }

  /**
   * Loads the photos under {@code dir}; with {@code colour}, also their clusters' hues (each photo is
   * decoded a second time, in colour; the grey arrays are the same either way).
   *
   * @throws SynthException naming the directory if it is missing or holds no readable image
   */
  public static BackdropLibrary load(Path dir, boolean colour) throws SynthException {
    OpenCvNative.load();
    if (!Files.isDirectory(dir)) {
      throw new SynthException("backgrounds directory " + dir + " does not exist or is not a directory");
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).filter(BackdropLibrary::isImage).sorted().toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new SynthException("cannot list backgrounds directory " + dir + ": " + e.getMessage(), e);
    }
    List<Backdrop> out = new ArrayList<>();
    List<ChromaClusters> hues2 = new ArrayList<>();
    List<ChromaClusters> hues3 = new ArrayList<>();
    int skipped = 0;
    for (Path f : files) {
      Backdrop b = decode(f);
      byte[] bgr = b != null && colour ? decodeColour(f, b) : null;
      if (b == null || (colour && bgr == null)) {
        skipped++;
        LOG.warn("skipping background {}: not a readable image", f);
      } else {
        out.add(b);
        if (colour) {
          hues2.add(ChromaClusters.of(b.grey(), bgr, b.two()));
          hues3.add(ChromaClusters.of(b.grey(), bgr, b.three()));
        }
      }
    }
    if (out.isEmpty()) {
      throw new SynthException("backgrounds directory " + dir + " has no readable .jpg/.png photo ("
          + files.size() + " image files, " + skipped + " unreadable)");
    }
    return new BackdropLibrary(dir, out, hues2, hues3, skipped);
  }

  private static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".png");
  }

  private static Backdrop decode(Path f) {
    byte[] grey = band(f, Imgcodecs.IMREAD_GRAYSCALE, 1, -1);
    return grey == null ? null : Backdrop.of(f, grey.length / HEIGHT, HEIGHT, grey);
  }

  /** The photo in colour, B, G, R per pixel, scaled and cut exactly as {@link #decode} cuts the grey. */
  private static byte[] decodeColour(Path f, Backdrop grey) {
    return band(f, Imgcodecs.IMREAD_COLOR, 3, grey.width());
  }

  /**
   * The photo read with {@code mode} and scaled so that it is at least {@link #HEIGHT} high and
   * {@link #MIN_WIDTH} wide, then the {@code HEIGHT}-high band from its middle ({@code channels} bytes a
   * pixel): all crops are taken at one scale. Null for an unreadable or tiny photo, or when the width is
   * not {@code width} (-1: any).
   */
  private static byte[] band(Path f, int mode, int channels, int width) {
    Mat m = Imgcodecs.imread(f.toString(), mode);
    Mat r = new Mat();
    try {
      if (m.empty() || m.rows() < 8 || m.cols() < 8) {
        return null;
      }
      double scale = Math.max((double) HEIGHT / m.rows(), (double) MIN_WIDTH / m.cols());
      int w = (int) Math.round(m.cols() * scale);
      int h = (int) Math.round(m.rows() * scale);
      if (width >= 0 && w != width) {
        return null;
      }
      Imgproc.resize(m, r, new Size(w, h), 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
      int y0 = (h - HEIGHT) / 2;
      byte[] pixels = new byte[channels * w * HEIGHT];
      Mat band = r.submat(y0, y0 + HEIGHT, 0, w);
      Mat packed = band.clone();
      packed.get(0, 0, pixels);
      packed.release();
      band.release();
      return pixels;
    } finally {
      m.release();
      r.release();
    }
  }

  /** Whether the library was loaded with colour, so that {@link #hues} answers. */
  public boolean hasColour() {
    return !hues2.isEmpty();
  }

  /**
   * The hues of backdrop {@code i}'s {@code k} grey clusters ({@code k} = 2 or 3, as
   * {@link Backdrop#two()} and {@link Backdrop#three()}).
   *
   * @throws IllegalStateException if the library was loaded without colour
   */
  public ChromaClusters hues(int i, int k) {
    if (!hasColour()) {
      throw new IllegalStateException("backgrounds in " + dir + " were loaded without colour");
    }
    if (k != 2 && k != 3) {
      throw new IllegalArgumentException("k must be 2 or 3, got " + k);
    }
    return k == 2 ? hues2.get(i) : hues3.get(i);
  }

  public Path dir() {
    return dir;
  }

  public List<Backdrop> backdrops() {
    return backdrops;
  }

  public int size() {
    return backdrops.size();
  }

  public Backdrop get(int i) {
    return backdrops.get(i);
  }

  /** Image files that could not be decoded. */
  public int skipped() {
    return skipped;
  }
}
