package org.jaznet.pipeline.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jaznet.pages.read.PageInput;

/**
 * The page files named by input specs: files, globs, and zip/tar(.gz) archives (their image and PDF
 * entries). Listing holds names only; bytes are read when a file's turn comes.
 */
public final class PageInputs {
  private PageInputs() {}

  /**
   * Every page file the specs name, in spec order.
   *
   * @throws NoInputException naming the spec, when a spec names no page file (a glob matching nothing,
   *     an archive with no image or PDF entry, a missing file) or is a word-box manifest
   * @throws IOException when an archive or directory cannot be listed
   */
  public static List<PageInput> list(List<String> specs, EntryReader reader) throws IOException {
    List<PageInput> out = new ArrayList<>();
    for (String raw : specs) {
      InputSpec spec;
      try {
        spec = InputSpec.parse(raw);
      } catch (IllegalArgumentException e) {
        throw new NoInputException("input '" + raw + "': " + e.getMessage());
      }
      int before = out.size();
      switch (spec.kind()) {
        case GLOB -> {
          try {
            GlobLister.list(spec.spec(), p -> out.add(PageInput.of(p)));
          } catch (IOException e) {
            throw new NoInputException(e.getMessage());
          }
        }
        case ARCHIVE -> ArchiveLister.list(Path.of(spec.spec()), ImageFiles::isPageName, ref -> out.add(entry(ref, reader)));
        case MANIFEST_CSV, MANIFEST_JSONL -> throw new NoInputException(
            "input '" + raw + "' is a manifest of word boxes; page reading takes page files, globs or archives");
      }
      if (out.size() == before) {
        throw new NoInputException(spec.kind() == InputKind.ARCHIVE
            ? "archive '" + raw + "' has no image or PDF entry"
            : "no input matches '" + raw + "'");
      }
    }
    return out;
  }

  private static PageInput entry(WordRef ref, EntryReader reader) {
    String entry = ref.entry();
    String name = entry.substring(Math.max(entry.lastIndexOf('/'), entry.lastIndexOf('\\')) + 1);
    return new PageInput(ref.imageKey(), name, () -> {
      try {
        return reader.read(ref);
      } catch (ImageRejectedException e) {
        throw new IOException(e.getMessage(), e);
      }
    });
  }
}
