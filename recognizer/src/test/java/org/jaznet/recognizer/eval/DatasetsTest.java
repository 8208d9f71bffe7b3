package org.jaznet.recognizer.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

class DatasetsTest {
  @TempDir Path dir;

  static byte[] png(int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    g.drawString("ab", 2, h - 4);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  @Test
  void open_labelsTsvFolder_readsPathsRelativeToImages() throws Exception {
    Files.createDirectories(dir.resolve("images/sub"));
    Files.write(dir.resolve("images/sub/a.png"), png(40, 20));
    Files.writeString(dir.resolve("labels.tsv"), "sub/a.png\tHello World\n\n");
    try (LabelledDataset d = Datasets.open(dir)) {
      assertThat(Datasets.layoutOf(dir)).isEqualTo(Datasets.Layout.LABELS_TSV);
      assertThat(d.size()).isEqualTo(1);
      assertThat(d.label(0)).isEqualTo("Hello World");
      assertThat(d.image(0).getWidth()).isEqualTo(40);
      assertThat(d.name()).isEqualTo(dir.getFileName().toString());
    }
  }

  @Test
  void open_lineWithoutTab_throwsNamingFileAndLine() throws Exception {
    Files.writeString(dir.resolve("labels.tsv"), "a.png\tok\nbroken line\n");
    assertThatThrownBy(() -> Datasets.open(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining("labels.tsv").hasMessageContaining("line 2");
  }

  @Test
  void open_mjsynthFolder_labelFromFileName() throws Exception {
    Files.createDirectories(dir.resolve("3000/7"));
    Files.write(dir.resolve("3000/7/182_Slinking_71711.jpg"), png(50, 32));
    Files.writeString(dir.resolve("annotation_test.txt"), "./3000/7/182_Slinking_71711.jpg 71711\n");
    try (LabelledDataset d = Datasets.open(dir)) {
      assertThat(Datasets.layoutOf(dir)).isEqualTo(Datasets.Layout.MJSYNTH);
      assertThat(d.label(0)).isEqualTo("Slinking");
      assertThat(d.image(0).getHeight()).isEqualTo(32);
    }
    assertThat(Datasets.mjsynthText("./1/2/3_under_score_99.jpg")).isEqualTo("under_score");
    assertThat(Datasets.mjsynthText("nounderscore.jpg")).isNull();
  }

  @Test
  void open_sharedMjsynthSample_readsAllItems() throws Exception {
    Path shared = Path.of("/work/shared/data/mjsynth");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(shared), "shared data not present");
    try (LabelledDataset d = Datasets.open(shared.resolve("annotation_sample.txt"))) {
      assertThat(d.size()).isEqualTo(892);
      assertThat(d.label(0)).isEqualTo("slinking");
      assertThat(d.image(0).getHeight()).isPositive();
    }
  }

  @Test
  void open_lmdb_readsCrnnLayout() throws Exception {
    Path db = Files.createDirectories(dir.resolve("lmdb"));
    try (Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(16L << 20).setMaxDbs(1).open(db.toFile())) {
      Dbi<byte[]> dbi = env.openDbi((byte[]) null, DbiFlags.MDB_CREATE);
      try (Txn<byte[]> txn = env.txnWrite()) {
        put(dbi, txn, "num-samples", "2".getBytes(StandardCharsets.US_ASCII));
        put(dbi, txn, "image-000000001", png(30, 16));
        put(dbi, txn, "label-000000001", "first".getBytes(StandardCharsets.UTF_8));
        put(dbi, txn, "image-000000002", new byte[] {1, 2, 3});
        put(dbi, txn, "label-000000002", "second".getBytes(StandardCharsets.UTF_8));
        txn.commit();
      }
    }
    try (LabelledDataset d = Datasets.open(db)) {
      assertThat(d.size()).isEqualTo(2);
      assertThat(d.label(1)).isEqualTo("second");
      assertThat(d.image(0).getWidth()).isEqualTo(30);
      assertThatThrownBy(() -> d.image(1)).isInstanceOf(IOException.class).hasMessageContaining("image-000000002");
    }
  }

  /** F9 of tests/RELIABILITY.md: a corrupt data.mdb used to kill the JVM inside native LMDB. */
  @Test
  void open_lmdbWithDamagedPages_ioExceptionNamingTheFile() throws Exception {
    Path db = Files.createDirectories(dir.resolve("lmdb"));
    try (Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(16L << 20).setMaxDbs(1).open(db.toFile())) {
      Dbi<byte[]> dbi = env.openDbi((byte[]) null, DbiFlags.MDB_CREATE);
      try (Txn<byte[]> txn = env.txnWrite()) {
        put(dbi, txn, "num-samples", "1".getBytes(StandardCharsets.US_ASCII));
        put(dbi, txn, "image-000000001", png(30, 16));
        put(dbi, txn, "label-000000001", "first".getBytes(StandardCharsets.UTF_8));
        txn.commit();
      }
    }
    Path data = db.resolve("data.mdb");
    byte[] bytes = Files.readAllBytes(data);
    for (int i = 2 * 4096 + 16; i < 2 * 4096 + 64; i++) {
      bytes[i] = (byte) 0xEE;
    }
    Files.write(data, bytes);

    assertThatThrownBy(() -> Datasets.open(db)).isInstanceOf(IOException.class)
        .hasMessageContaining(data.toString()).hasMessageContaining("corrupt");
  }

  private static void put(Dbi<byte[]> dbi, Txn<byte[]> txn, String key, byte[] value) {
    dbi.put(txn, key.getBytes(StandardCharsets.US_ASCII), value);
  }

  @Test
  void layoutOf_unknownFolder_throwsNamingIt() {
    assertThatThrownBy(() -> Datasets.layoutOf(dir)).isInstanceOf(IOException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("labels.tsv");
  }
}
