package org.jaznet.synth.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** File-backed datasets: MJSynth layout and labels.tsv. */
final class FileDataset implements LabelledDataset {
  private final DatasetKind kind;
  private final Path root;
  private final Path index;
  private final Path imageRoot;

  private FileDataset(DatasetKind kind, Path root, Path index) throws IOException {
    this.kind = kind;
    this.root = root;
    this.index = index;
    this.imageRoot = imageRootFor(root);
  }

  static FileDataset mjsynth(Path dir, Path annotation) throws IOException {
    if (!Files.isRegularFile(annotation)) {
      throw new IOException("MJSynth annotation file " + annotation + " does not exist");
    }
    return new FileDataset(DatasetKind.MJSYNTH, dir, annotation);
  }

  static FileDataset tsv(Path dir, Path labels) throws IOException {
    return new FileDataset(DatasetKind.TSV, dir, labels);
  }

  @Override
  public DatasetKind kind() {
    return kind;
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.empty();
  }

  @Override
  public Stream<DatasetEntry> entries() throws IOException {
    if (kind == DatasetKind.TSV) {
      return LabelsTsv.read(index);
    }
    Stream<DatasetEntry> ann = MjsynthAnnotation.read(index);
    Path labels = root.resolve(LabelsTsv.FILE_NAME);
    if (!Files.isRegularFile(labels)) {
      return ann;
    }
    // labels.tsv keeps the true word (file names may be cut or escaped): use it where it lines up.
    Stream<DatasetEntry> tsv = LabelsTsv.read(labels);
    Iterator<DatasetEntry> a = ann.iterator();
    Iterator<DatasetEntry> t = tsv.iterator();
    Iterator<DatasetEntry> merged = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return a.hasNext();
      }

      @Override
      public DatasetEntry next() {
        DatasetEntry e = a.next();
        if (t.hasNext()) {
          DatasetEntry l = t.next();
          if (l.path().equals(e.path())) {
            return new DatasetEntry(e.path(), l.label(), e.lexiconIndex());
          }
        }
        return e;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED), false)
        .onClose(ann::close).onClose(tsv::close);
  }

  @Override
  public Stream<LabelledImage> images() throws IOException {
    return entries().map(e -> new LabelledImage(
        e.path(), e.label(), e.lexiconIndex(), imageRoot.resolve(e.path()), null));
  }

  /** The folder that relative image paths resolve against (see {@link LabelledDataset}). */
  Path imageRoot() {
    return imageRoot;
  }

  private Path imageRootFor(Path dir) throws IOException {
    Optional<DatasetEntry> first;
    try (Stream<DatasetEntry> s = kind == DatasetKind.TSV ? LabelsTsv.read(index) : MjsynthAnnotation.read(index)) {
      first = s.findFirst();
    }
    if (first.isPresent() && !Files.exists(dir.resolve(first.get().path()))
        && Files.exists(dir.resolve("images").resolve(first.get().path()))) {
      return dir.resolve("images");
    }
    return dir;
  }

  @Override
  public void close() {}
}
