package org.jaznet.synth.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmdbTest {
  @TempDir Path dir;

  private static List<LmdbWriter.Item> items(int from, int n, int size, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<LmdbWriter.Item> out = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      byte[] b = new byte[size];
      r.nextBytes(b);
      out.add(new LmdbWriter.Item(b, "wörd" + i));
    }
    return out;
  }

  @Test
  void append_batchesAcrossReopen_readerSeesAllInOrderWithCrnnKeys() throws Exception {
    List<LmdbWriter.Item> all = new ArrayList<>(items(0, 5, 100, 1));
    try (LmdbWriter w = LmdbWriter.open(dir, 1 << 20)) {
      w.append(all);
      assertThat(w.numSamples()).isEqualTo(5);
    }
    List<LmdbWriter.Item> more = items(5, 3, 100, 2);
    all.addAll(more);
    try (LmdbWriter w = LmdbWriter.open(dir, 1 << 20)) {
      assertThat(w.numSamples()).isEqualTo(5);
      w.append(more);
    }
    try (LabelledDataset d = LabelledDataset.open(dir); Stream<LabelledImage> s = d.images()) {
      assertThat(d.kind()).isEqualTo(DatasetKind.LMDB);
      assertThat(d.size()).hasValue(8);
      List<LabelledImage> got = s.toList();
      assertThat(got).hasSize(8);
      for (int i = 0; i < 8; i++) {
        assertThat(got.get(i).id()).isEqualTo(String.format("image-%09d", i + 1));
        assertThat(got.get(i).label()).isEqualTo(all.get(i).label());
        assertThat(got.get(i).bytes()).isEqualTo(all.get(i).image());
        assertThat(got.get(i).path()).isEmpty();
      }
    }
    assertThat(new String(LmdbWriter.key("label", 12), StandardCharsets.US_ASCII)).isEqualTo("label-000000012");
  }

  @Test
  void append_moreThanMapSize_growsMapAndKeepsEverything() throws Exception {
    try (LmdbWriter w = LmdbWriter.open(dir, 256 * 1024)) {
      for (int b = 0; b < 6; b++) {
        w.append(items(b * 20, 20, 16 * 1024, b));
      }
      assertThat(w.numSamples()).isEqualTo(120);
    }
    try (LmdbDataset d = LmdbDataset.open(dir)) {
      assertThat(d.size()).hasValue(120);
      assertThat(d.get(120).bytes()).isEqualTo(items(100, 20, 16 * 1024, 5).get(19).image());
    }
  }
}
