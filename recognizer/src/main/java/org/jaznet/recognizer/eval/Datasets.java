package org.jaznet.recognizer.eval;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Opens labelled datasets from disk, recognising the layout:
 * <ul>
 *   <li>a {@code labels.tsv} folder: {@code <path relative to images/>} TAB {@code <label>} per line,
 *       UTF-8, images under {@code images/} (or the folder itself); a {@code .tsv} file may be named
 *       directly (e.g. {@code labels_857.tsv});
 *   <li>an MJSynth folder: {@code annotation*.txt} lines {@code ./<dir>/<n>_<TEXT>_<lexicon index>.jpg
 *       <lexicon index>}, paths relative to the folder (or its {@code images/}); the label is the
 *       file name's TEXT (the case as rendered); an annotation file may be named directly;
 *   <li>an LMDB folder ({@code data.mdb}) in the CRNN layout: {@code num-samples}, {@code image-%09d},
 *       {@code label-%09d}, 1-based.
 * </ul>
 */
public final class Datasets {
  private Datasets() {}

  /** The layout a path holds. */
  public enum Layout { LABELS_TSV, MJSYNTH, LMDB }

  /** Detects the layout of {@code path}, or throws naming the path and what was looked for. */
  public static Layout layoutOf(Path path) throws IOException {
    if (Files.isRegularFile(path)) {
      String n = path.getFileName().toString();
      if (n.endsWith(".tsv")) {
        return Layout.LABELS_TSV;
      }
      if (n.endsWith(".txt")) {
        return Layout.MJSYNTH;
      }
      if (n.equals("data.mdb")) {
        return Layout.LMDB;
      }
      throw new IOException("dataset file " + path + " is neither a .tsv label file, an MJSynth annotation .txt nor data.mdb");
    }
    if (!Files.isDirectory(path)) {
      throw new IOException("dataset " + path + " does not exist");
    }
    if (Files.isRegularFile(path.resolve("labels.tsv"))) {
      return Layout.LABELS_TSV;
    }
    if (mjsynthAnnotation(path) != null) {
      return Layout.MJSYNTH;
    }
    if (Files.isRegularFile(path.resolve("data.mdb"))) {
      return Layout.LMDB;
    }
    throw new IOException("dataset folder " + path
        + " has no labels.tsv, no MJSynth annotation*.txt and no LMDB data.mdb");
  }

  /**
   * Opens the dataset at {@code path} (a folder or a label file). Folders are recognised and listed by
   * synth-engine's {@link org.jaznet.synth.io.LabelledDataset} (the writer's own reader); images are then
   * read by index, which training's random sampling needs.
   */
  public static LabelledDataset open(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return openFolder(path);
    }
    return switch (layoutOf(path)) {
      case LABELS_TSV -> openTsv(Files.isDirectory(path) ? path.resolve("labels.tsv") : path);
      case MJSYNTH -> openMjsynth(Files.isDirectory(path) ? mjsynthAnnotation(path) : path);
      case LMDB -> new LmdbDataset(Files.isDirectory(path) ? path : path.getParent());
    };
  }

  private static LabelledDataset openFolder(Path dir) throws IOException {
    try (org.jaznet.synth.io.LabelledDataset listed = org.jaznet.synth.io.LabelledDataset.open(dir)) {
      if (listed.kind() == org.jaznet.synth.io.DatasetKind.LMDB) {
        return new LmdbDataset(dir);
      }
      List<Path> paths = new ArrayList<>();
      List<String> words = new ArrayList<>();
      try (Stream<org.jaznet.synth.io.LabelledImage> images = listed.images()) {
        images.forEach(li -> {
          paths.add(li.file());
          words.add(li.label());
        });
      } catch (java.io.UncheckedIOException e) {
        throw e.getCause();
      }
      if (paths.isEmpty()) {
        throw new IOException("dataset folder " + dir + " lists no images");
      }
      return new FileDataset(nameOf(dir.toAbsolutePath().normalize()), paths, words);
    }
  }

  private static Path mjsynthAnnotation(Path dir) throws IOException {
    for (String preferred : List.of("annotation_test.txt", "annotation_val.txt", "annotation_train.txt", "annotation.txt")) {
      if (Files.isRegularFile(dir.resolve(preferred))) {
        return dir.resolve(preferred);
      }
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith("annotation") && n.endsWith(".txt") && Files.isRegularFile(p);
      }).sorted().findFirst().orElse(null);
    }
  }

  static String readUtf8(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IOException("label file " + file + " is not valid UTF-8: " + e.getMessage(), e);
    }
  }

  static LabelledDataset openTsv(Path labels) throws IOException {
    Path folder = labels.toAbsolutePath().getParent();
    Path images = Files.isDirectory(folder.resolve("images")) ? folder.resolve("images") : folder;
    List<Path> paths = new ArrayList<>();
    List<String> words = new ArrayList<>();
    String[] lines = readUtf8(labels).split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new IOException("label file " + labels + " line " + (i + 1)
            + ": expected <image path> TAB <label>, got '" + abbreviate(line) + "'");
      }
      paths.add(images.resolve(line.substring(0, tab)));
      words.add(line.substring(tab + 1));
    }
    if (paths.isEmpty()) {
      throw new IOException("label file " + labels + " lists no images");
    }
    return new FileDataset(nameOf(folder), paths, words);
  }

  static LabelledDataset openMjsynth(Path annotation) throws IOException {
    Path folder = annotation.toAbsolutePath().getParent();
    List<Path> paths = new ArrayList<>();
    List<String> words = new ArrayList<>();
    String[] lines = readUtf8(annotation).split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String rel = space > 0 ? line.substring(0, space) : line;
      String text = mjsynthText(rel);
      if (text == null) {
        throw new IOException("annotation file " + annotation + " line " + (i + 1)
            + ": file name is not <n>_<TEXT>_<index>.jpg: '" + abbreviate(line) + "'");
      }
      Path p = folder.resolve(rel).normalize();
      if (!Files.exists(p) && Files.isDirectory(folder.resolve("images"))) {
        p = folder.resolve("images").resolve(rel).normalize();
      }
      paths.add(p);
      words.add(text);
    }
    if (paths.isEmpty()) {
      throw new IOException("annotation file " + annotation + " lists no images");
    }
    return new FileDataset(nameOf(folder), paths, words);
  }

  /** TEXT of an MJSynth file name {@code <n>_<TEXT>_<index>.<ext>}, or null. */
  static String mjsynthText(String relativePath) {
    String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      name = name.substring(0, dot);
    }
    int first = name.indexOf('_');
    int last = name.lastIndexOf('_');
    if (first < 0 || last <= first + 1) {
      return null;
    }
    return name.substring(first + 1, last);
  }

  private static String nameOf(Path folder) {
    Path n = folder.getFileName();
    return n == null ? folder.toString() : n.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  static BufferedImage decode(byte[] bytes, String id) throws IOException {
    if (bytes.length == 0) {
      throw new IOException("image " + id + " is empty");
    }
    BufferedImage img;
    try {
      img = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new IOException("image " + id + " cannot be decoded: " + e.getMessage(), e);
    }
    if (img == null) {
      throw new IOException("image " + id + " is not a decodable image");
    }
    if (img.getWidth() <= 0 || img.getHeight() <= 0) {
      throw new IOException("image " + id + " has zero size");
    }
    return img;
  }

  /** Images as files. */
  static final class FileDataset implements LabelledDataset {
    private final String name;
    private final List<Path> paths;
    private final List<String> labels;

    FileDataset(String name, List<Path> paths, List<String> labels) {
      this.name = name;
      this.paths = List.copyOf(paths);
      this.labels = List.copyOf(labels);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public int size() {
      return paths.size();
    }

    @Override
    public String label(int i) {
      return labels.get(i);
    }

    @Override
    public String id(int i) {
      return paths.get(i).toString();
    }

    /** The image file of item {@code i}. */
    public Path path(int i) {
      return paths.get(i);
    }

    @Override
    public BufferedImage image(int i) throws IOException {
      Path p = paths.get(i);
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(p);
      } catch (IOException e) {
        throw new IOException("cannot read image " + p + ": " + e, e);
      }
      return decode(bytes, p.toString());
    }

    @Override
    public void close() {}
  }

  /**
   * A CRNN-style LMDB: {@code num-samples}, {@code image-%09d}, {@code label-%09d} (1-based), read through
   * synth-engine's {@link org.jaznet.synth.io.LmdbDataset}, which checks the file instead of trusting it (a
   * corrupt {@code data.mdb} is an IOException, not a JVM killed inside native LMDB).
   */
  static final class LmdbDataset implements LabelledDataset {
    private final Path dir;
    private final org.jaznet.synth.io.LmdbDataset db;
    private final List<String> labels;

    LmdbDataset(Path dir) throws IOException {
      this.dir = dir;
      this.db = org.jaznet.synth.io.LmdbDataset.open(dir);
      try {
        long n = db.size().orElseThrow();
        if (n > Integer.MAX_VALUE) {
          throw new IOException("LMDB " + dir + " has " + n + " samples, more than " + Integer.MAX_VALUE);
        }
        List<String> ls = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          ls.add(db.label(i));
        }
        this.labels = List.copyOf(ls);
      } catch (java.io.UncheckedIOException e) {
        db.close();
        throw e.getCause();
      } catch (IOException | RuntimeException e) {
        db.close();
        throw e;
      }
    }

    @Override
    public String name() {
      Path n = dir.getFileName();
      return n == null ? dir.toString() : n.toString();
    }

    @Override
    public int size() {
      return labels.size();
    }

    @Override
    public String label(int i) {
      return labels.get(i);
    }

    @Override
    public String id(int i) {
      return dir + "#image-" + String.format("%09d", i + 1);
    }

    @Override
    public BufferedImage image(int i) throws IOException {
      byte[] bytes;
      try {
        bytes = db.get(i + 1L).bytes();
      } catch (java.io.UncheckedIOException e) {
        throw new IOException("cannot read " + id(i) + ": " + e.getCause().getMessage(), e.getCause());
      } catch (IndexOutOfBoundsException e) {
        throw new IOException("LMDB entry " + id(i) + " is missing", e);
      }
      return decode(bytes, id(i));
    }

    @Override
    public void close() {
      db.close();
    }
  }
}
