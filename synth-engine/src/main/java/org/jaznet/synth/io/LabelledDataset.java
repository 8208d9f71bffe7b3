package org.jaznet.synth.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A folder of labelled word images in any layout this package writes or reads, iterated lazily.
 * Not tied to a thread; each {@link #images()} stream must be consumed by one thread and closed.
 *
 * <p>Detection by {@link #open(Path)}, first match wins: {@code data.mdb} is an LMDB;
 * {@code annotation.txt} (or exactly one {@code annotation*.txt}) is MJSynth's layout; {@code labels.tsv}
 * is a TSV dataset. Relative image paths are resolved against the folder, or against its
 * {@code images/} subfolder when that is where the first image is (the layout of
 * ../shared/data: {@code images/} and {@code labels.tsv} side by side).
 */
public interface LabelledDataset extends AutoCloseable {

  /**
   * Opens the dataset in {@code dir}, detecting its layout.
   *
   * @throws IOException naming {@code dir} if it is missing, holds no known layout, or is ambiguous
   */
  static LabelledDataset open(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("dataset folder " + dir + (Files.exists(dir) ? " is not a folder" : " does not exist"));
    }
    if (Files.isRegularFile(dir.resolve("data.mdb"))) {
      return LmdbDataset.open(dir);
    }
    Path annotation = dir.resolve(MjsynthAnnotation.FILE_NAME);
    if (!Files.isRegularFile(annotation)) {
      List<Path> candidates = new ArrayList<>();
      try (Stream<Path> s = Files.list(dir)) {
        s.filter(p -> {
          String n = p.getFileName().toString();
          return n.startsWith("annotation") && n.endsWith(".txt") && Files.isRegularFile(p);
        }).sorted().forEach(candidates::add);
      }
      if (candidates.size() > 1) {
        throw new IOException("dataset folder " + dir + " has several annotation files " + candidates
            + "; open one with LabelledDataset.openMjsynth(dir, annotationFile)");
      }
      annotation = candidates.isEmpty() ? null : candidates.get(0);
    }
    if (annotation != null) {
      return openMjsynth(dir, annotation);
    }
    if (Files.isRegularFile(dir.resolve(LabelsTsv.FILE_NAME))) {
      return FileDataset.tsv(dir, dir.resolve(LabelsTsv.FILE_NAME));
    }
    throw new IOException("no dataset in " + dir + ": expected data.mdb (LMDB), annotation.txt (MJSynth) or "
        + "labels.tsv");
  }

  /** Opens an MJSynth-layout dataset with a chosen annotation file (e.g. {@code annotation_val.txt}). */
  static LabelledDataset openMjsynth(Path dir, Path annotationFile) throws IOException {
    return FileDataset.mjsynth(dir, annotationFile);
  }

  DatasetKind kind();

  /** The dataset folder. */
  Path root();

  /** The number of images when the format records it (LMDB), else empty. */
  OptionalLong size();

  /**
   * The images in the dataset's order, read lazily. Close the stream. Read errors surface as
   * {@link java.io.UncheckedIOException} whose message names the file and line or key.
   */
  Stream<LabelledImage> images() throws IOException;

  /** The index entries (path or key, label, lexicon index) without touching the images. Close the stream. */
  Stream<DatasetEntry> entries() throws IOException;

  @Override
  void close();
}
