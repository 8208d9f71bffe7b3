package org.jaznet.recognizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.jaznet.recognizer.head.NgramVocabulary;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.recognizer.model.ModelSpec;
import org.jaznet.recognizer.model.Optimiser;
import org.jaznet.recognizer.preprocess.Preprocessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

class RecognizerTest {
  static final List<String> DICT = List.of("apple", "banana", "cherry", "delta", "echo", "fox", "golf", "hotel");
  @TempDir static Path dir;
  static Recognizer recognizer;
  static List<BufferedImage> images;

  @BeforeAll
  static void setUp() throws Exception {
    ModelSpec spec = new ModelSpec(Arch.SMALL, EnumSet.allOf(HeadKind.class), DICT, 8,
        NgramVocabulary.build(DICT, 100).grams(), Optimiser.ADAM, 1e-3, 0, 0.5);
    Path file = dir.resolve("m.zip");
    ModelFile.save(JazNet.create(spec, 5), file);
    recognizer = Recognizer.load(file);
    images = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      images.add(word(DICT.get(i % DICT.size()), 60 + i, 20 + i % 13));
    }
  }

  static BufferedImage word(String text, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, h * 2 / 3));
    g.drawString(text, 1, h * 3 / 4);
    g.dispose();
    return img;
  }

  @Test
  void recognizeAll_moreThanOneBatch_oneResultPerImageInOrder() throws Exception {
    List<Recognition> all = recognizer.recognizeAll(images);
    assertThat(all).hasSize(70);
    // chunking (64 + 6) gives the same reading as one image at a time
    assertThat(all.get(66).text()).isEqualTo(recognizer.recognize(images.get(66)).text());
    for (Recognition r : all) {
      assertThat(r.confidence()).isBetween(0.0, 1.0);
      assertThat(r.perHead()).containsOnlyKeys(HeadKind.DICT, HeadKind.CHAR, HeadKind.NGRAM, HeadKind.CTC);
      assertThat(r.alternatives()).isNotEmpty();
      assertThat(r.alternatives().get(0).text()).isEqualTo(r.text());
    }
  }

  @Test
  void reading_fastHeads_skipsNgramAndKeepsTheOtherHeadsReadings() throws Exception {
    assertThat(recognizer.heads()).containsExactlyInAnyOrder(HeadKind.values());
    assertThat(recognizer.fastHeads()).containsExactlyInAnyOrder(HeadKind.DICT, HeadKind.CHAR, HeadKind.CTC);
    Recognizer fast = recognizer.reading(recognizer.fastHeads());
    assertThat(fast.heads()).isEqualTo(recognizer.fastHeads());
    List<BufferedImage> some = images.subList(0, 9);
    List<Recognition> full = recognizer.recognizeAll(some);
    List<Recognition> part = fast.recognizeAll(some);
    for (int i = 0; i < some.size(); i++) {
      assertThat(part.get(i).perHead()).containsOnlyKeys(HeadKind.DICT, HeadKind.CHAR, HeadKind.CTC);
      for (HeadKind h : fast.heads()) {
        assertThat(part.get(i).perHead().get(h)).isEqualTo(full.get(i).perHead().get(h));
      }
    }
    // a view: closing it leaves the recognizer it came from open
    fast.close();
    assertThat(recognizer.recognize(images.get(0)).perHead()).hasSize(4);
    assertThatThrownBy(() -> fast.recognize(images.get(0))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void reading_rootClosed_closesItsViews(@TempDir Path tmp) throws Exception {
    ModelSpec spec = new ModelSpec(Arch.SMALL, EnumSet.of(HeadKind.CHAR, HeadKind.NGRAM), DICT, 0,
        NgramVocabulary.build(DICT, 100).grams(), Optimiser.ADAM, 1e-3, 0, 0.5);
    Path file = tmp.resolve("char-ngram.zip");
    ModelFile.save(JazNet.create(spec, 6), file);
    Recognizer root = Recognizer.load(file);
    Recognizer view = root.reading(root.fastHeads());
    assertThat(view.heads()).containsExactly(HeadKind.CHAR);
    assertThat(view.recognize(images.get(1)).perHead()).containsOnlyKeys(HeadKind.CHAR);
    assertThatThrownBy(() -> root.reading(EnumSet.of(HeadKind.DICT)))
        .isInstanceOf(RecognizerException.class).hasMessageContaining("no DICT head");
    root.close();
    assertThatThrownBy(() -> view.recognize(images.get(1))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> root.reading(root.heads())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void reading_emptyOrNull_rejected() {
    assertThatThrownBy(() -> recognizer.reading(EnumSet.noneOf(HeadKind.class)))
        .isInstanceOf(RecognizerException.class).hasMessageContaining("no head to read");
    assertThatThrownBy(() -> recognizer.reading(null)).isInstanceOf(RecognizerException.class);
  }

  @Test
  void recognizeAll_eightThreads_sameAnswersAsOne() throws Exception {
    // the reference is also one image per call: oneDNN may pick other kernels for other batch sizes
    List<Recognition> single = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      single.add(recognizer.recognize(images.get(i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Recognition>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        final int offset = t;
        futures.add(pool.submit(() -> {
          List<Recognition> out = new ArrayList<>();
          for (int i = 0; i < 16; i++) {
            int k = (i + offset) % 16;
            out.add(null);
            out.set(i, recognizer.recognize(images.get(k)));
          }
          return out;
        }));
      }
      for (int t = 0; t < 8; t++) {
        List<Recognition> got = futures.get(t).get();
        for (int i = 0; i < 16; i++) {
          assertThat(got.get(i)).isEqualTo(single.get((i + t) % 16));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void recognize_pathMatAndImage_sameReading() throws Exception {
    BufferedImage img = images.get(3);
    Path f = dir.resolve("w.png");
    ImageIO.write(img, "png", f.toFile());
    Preprocessor.loadOpenCv();
    Mat m = new Mat(img.getHeight(), img.getWidth(), CvType.CV_8UC3);
    byte[] bgr = new byte[img.getWidth() * img.getHeight() * 3];
    for (int y = 0, k = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y);
        bgr[k++] = (byte) p;
        bgr[k++] = (byte) (p >> 8);
        bgr[k++] = (byte) (p >> 16);
      }
    }
    m.put(0, 0, bgr);
    Recognition a = recognizer.recognize(img);
    assertThat(recognizer.recognize(f).text()).isEqualTo(a.text());
    assertThat(recognizer.recognize(m).text()).isEqualTo(a.text());
    m.release();
  }

  @Test
  void recognizeAll_lexicon_everyHeadAnswersFromLexicon() throws Exception {
    List<String> lexicon = List.of("Fox!", "golf", "hotel");
    List<Recognition> rs = recognizer.recognizeAll(images.subList(0, 3), lexicon);
    for (Recognition r : rs) {
      assertThat(r.text()).isIn("fox", "golf", "hotel");
      for (HeadResult h : r.perHead().values()) {
        assertThat(h.lexiconText()).isIn("fox", "golf", "hotel");
        assertThat(h.lexiconScore()).isBetween(0.0, 1.0);
      }
    }
    assertThat(recognizer.recognize(images.get(0)).perHead().get(HeadKind.CHAR).lexiconText()).isNull();
    assertThatThrownBy(() -> recognizer.recognizeAll(images.subList(0, 1), List.of("!!", "")))
        .isInstanceOf(RecognizerException.class).hasMessageContaining("lexicon");
  }

  @Test
  void recognizeAll_badImage_throwsNamingIndex() {
    List<BufferedImage> withNull = new ArrayList<>(images.subList(0, 3));
    withNull.add(1, null);
    assertThatThrownBy(() -> recognizer.recognizeAll(withNull)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("image 1 of 4");
    assertThatThrownBy(() -> recognizer.recognizePreprocessed(new float[][] {new float[10]}))
        .isInstanceOf(RecognizerException.class).hasMessageContaining("3200");
  }

  @Test
  void recognizePreprocessed_sameAsImages() throws Exception {
    float[][] in = {Preprocessor.toInput(images.get(5))};
    assertThat(recognizer.recognizePreprocessed(in).get(0)).isEqualTo(recognizer.recognizeAll(images.subList(5, 6)).get(0));
    assertThat(in[0]).hasSize(3200);
  }

  @Test
  void loadDefault_missingModel_clearError() {
    String old = System.getProperty("jaznet.home");
    System.setProperty("jaznet.home", dir.resolve("nowhere").toString());
    try {
      assertThatThrownBy(Recognizer::loadDefault).isInstanceOf(RecognizerException.class)
          .hasMessageContaining("no default model").hasMessageContaining("jaznet-default.zip");
    } finally {
      if (old == null) {
        System.clearProperty("jaznet.home");
      } else {
        System.setProperty("jaznet.home", old);
      }
    }
  }

  @Test
  void close_thenRecognize_throws() throws Exception {
    Recognizer r = Recognizer.of(recognizer.net());
    r.close();
    assertThatThrownBy(() -> r.recognize(images.get(0))).isInstanceOf(IllegalStateException.class);
  }
}
