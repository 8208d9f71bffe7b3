package org.jaznet.recognizer.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.jaznet.recognizer.RecognizerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

class PreprocessorTest {
  @TempDir Path dir;

  @org.junit.jupiter.api.BeforeAll
  static void openCv() {
    Preprocessor.loadOpenCv();
  }

  static BufferedImage word(int type, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, type);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(200, 180, 40));
    g.fillRect(0, 0, w, h);
    g.setColor(new Color(20, 30, 120));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, h * 3 / 4));
    g.drawString("Word", 2, h * 3 / 4);
    g.dispose();
    return img;
  }

  static void assertNormalised(float[] x) {
    assertThat(x).hasSize(3200);
    double sum = 0;
    double sq = 0;
    for (float v : x) {
      assertThat(Float.isFinite(v)).isTrue();
      sum += v;
    }
    double mean = sum / x.length;
    for (float v : x) {
      sq += (v - mean) * (v - mean);
    }
    assertThat(mean).isCloseTo(0, within(1e-4));
    assertThat(Math.sqrt(sq / x.length)).isCloseTo(1, within(1e-3));
  }

  @Test
  void grey_3ByteBgrFastPath_equalsTheGetRgbPath() {
    Random rnd = new Random(5);
    BufferedImage bgr = new BufferedImage(61, 17, BufferedImage.TYPE_3BYTE_BGR);
    BufferedImage argb = new BufferedImage(61, 17, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < 17; y++) {
      for (int x = 0; x < 61; x++) {
        int rgb = rnd.nextInt(1 << 24);
        bgr.setRGB(x, y, rgb);
        argb.setRGB(x, y, 0xFF000000 | rgb);
      }
    }
    assertThat(Preprocessor.grey(bgr)).isEqualTo(Preprocessor.grey(argb));
  }

  @Test
  void toInputBytes_randomImage_zeroMeanUnitStd() {
    byte[] g = new byte[57 * 19];
    new Random(1).nextBytes(g);
    float[] x = new float[3200 + 5];
    Preprocessor.toInput(g, 57, 19, x, 5);
    assertNormalised(java.util.Arrays.copyOfRange(x, 5, 3205));
    assertThat(x[0]).isZero();
  }

  @Test
  void toInputBytes_exactSize_keepsPixelsUpToNormalisation() {
    byte[] g = new byte[3200];
    for (int i = 0; i < g.length; i++) {
      g[i] = (byte) ((i % 100) * 2);
    }
    float[] x = new float[3200];
    Preprocessor.toInput(g, 100, 32, x, 0);
    // a linear ramp stays a ramp: equal steps between neighbours
    assertThat(x[2] - x[1]).isCloseTo(x[1] - x[0], within(1e-5f));
    assertThat(x[100]).isEqualTo(x[0]);
  }

  /** A smooth random grey image (sums of sines), so that resampling differences show. */
  static byte[] waves(int w, int h, long seed) {
    Random rnd = new Random(seed);
    double[] f = {rnd.nextDouble() * 0.3, rnd.nextDouble() * 0.3, rnd.nextDouble() * 0.05, rnd.nextDouble() * 0.05};
    byte[] g = new byte[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v = 128 + 60 * Math.sin(f[0] * x + f[2] * y) + 60 * Math.sin(f[1] * y + f[3] * x);
        g[y * w + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
      }
    }
    return g;
  }

  /** OpenCV's float resize of a grey image (rows first with one mode, then columns with another), normalised. */
  static float[] openCv(byte[] g, int w, int h, int rowsMode, int colsMode) {
    Mat m = new Mat(h, w, CvType.CV_32F);
    float[] f = new float[w * h];
    for (int i = 0; i < f.length; i++) {
      f[i] = g[i] & 0xFF;
    }
    m.put(0, 0, f);
    Mat rows = new Mat();
    org.opencv.imgproc.Imgproc.resize(m, rows, new org.opencv.core.Size(w, 32), 0, 0, rowsMode);
    Mat out = new Mat();
    org.opencv.imgproc.Imgproc.resize(rows, out, new org.opencv.core.Size(100, 32), 0, 0, colsMode);
    float[] r = new float[3200];
    out.get(0, 0, r);
    double mean = 0;
    for (float v : r) {
      mean += v;
    }
    mean /= r.length;
    double sq = 0;
    for (float v : r) {
      sq += (v - mean) * (v - mean);
    }
    double inv = 1 / (Math.sqrt(sq / r.length) + 1e-4);
    for (int i = 0; i < r.length; i++) {
      r[i] = (float) ((r[i] - mean) * inv);
    }
    return r;
  }

  /** Our preprocessing of a smooth {@code w x h} image equals OpenCV's two-pass resize with these modes. */
  static void assertResizeMatchesOpenCv(int w, int h, long seed, int rowsMode, int colsMode) {
    byte[] g = waves(w, h, seed);
    float[] x = new float[3200];
    Preprocessor.toInput(g, w, h, x, 0);
    float[] expected = openCv(g, w, h, rowsMode, colsMode);
    for (int i = 0; i < 3200; i++) {
      assertThat(x[i]).as("pixel %d", i).isCloseTo(expected[i], within(2e-3f));
    }
  }

  @Test
  void toInputBytes_shrinkMoreThanTwice_areaAverageAsOpenCvInterArea() {
    // 7.33x and 6.59x: fractional boxes
    assertResizeMatchesOpenCv(733, 211, 7, org.opencv.imgproc.Imgproc.INTER_AREA, org.opencv.imgproc.Imgproc.INTER_AREA);
  }

  @Test
  void toInputBytes_onlyHeightShrinksMoreThanTwice_areaRowsThenBilinearColumns() {
    // width 1.5x: bilinear; height 6.25x: area
    assertResizeMatchesOpenCv(150, 200, 8, org.opencv.imgproc.Imgproc.INTER_AREA, org.opencv.imgproc.Imgproc.INTER_LINEAR);
  }

  @Test
  void toInputBytes_constantImage_zerosWithoutNaN() {
    float[] x = new float[3200];
    Preprocessor.toInput(new byte[] {(byte) 77}, 1, 1, x, 0);
    for (float v : x) {
      assertThat(v).isZero();
    }
  }

  @Test
  void toInput_sameContentInManyTypes_sameInput() throws Exception {
    float[] rgb = Preprocessor.toInput(word(BufferedImage.TYPE_INT_RGB, 120, 40));
    assertNormalised(rgb);
    float[] argb = Preprocessor.toInput(word(BufferedImage.TYPE_INT_ARGB, 120, 40));
    float[] bgr = Preprocessor.toInput(word(BufferedImage.TYPE_3BYTE_BGR, 120, 40));
    for (int i = 0; i < rgb.length; i++) {
      assertThat(argb[i]).isCloseTo(rgb[i], within(1e-5f));
      assertThat(bgr[i]).isCloseTo(rgb[i], within(1e-5f));
    }
    assertNormalised(Preprocessor.toInput(word(BufferedImage.TYPE_BYTE_INDEXED, 64, 20)));
    assertNormalised(Preprocessor.toInput(word(BufferedImage.TYPE_BYTE_BINARY, 64, 20)));
    assertNormalised(Preprocessor.toInput(word(BufferedImage.TYPE_USHORT_565_RGB, 300, 11)));
    assertNormalised(Preprocessor.toInput(word(BufferedImage.TYPE_4BYTE_ABGR, 2000, 9)));
  }

  @Test
  void toInput_greyAnd16BitGrey_readRawLevels() throws Exception {
    BufferedImage g8 = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
    BufferedImage g16 = new BufferedImage(4, 2, BufferedImage.TYPE_USHORT_GRAY);
    BufferedImage rgb = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 4; x++) {
        int v = 30 * x + 100 * y;
        g8.getRaster().setSample(x, y, 0, v);
        g16.getRaster().setSample(x, y, 0, v * 257);
        rgb.setRGB(x, y, (v << 16) | (v << 8) | v);
      }
    }
    float[] a = Preprocessor.toInput(g8);
    float[] b = Preprocessor.toInput(g16);
    float[] c = Preprocessor.toInput(rgb);
    assertThat(b).containsExactly(a);
    for (int i = 0; i < a.length; i++) {
      assertThat(c[i]).isCloseTo(a[i], within(1e-4f));
    }
  }

  @Test
  void toInput_transparentPixels_compositedOnWhite() throws Exception {
    BufferedImage img = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
    // left half: opaque black; right half: fully transparent black (reads as white)
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 5; x++) {
        img.setRGB(x, y, 0xFF000000);
      }
    }
    float[] in = Preprocessor.toInput(img);
    assertThat(in[0]).isLessThan(-0.9f);
    assertThat(in[99]).isGreaterThan(0.9f);
  }

  @Test
  void toInput_nullOrEmpty_throwsNamingProblem() {
    assertThatThrownBy(() -> Preprocessor.toInput((BufferedImage) null)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("null");
    assertThatThrownBy(() -> Preprocessor.toInput(new Mat())).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void toInputMat_bgrAndBgra16_matchBufferedImage() throws Exception {
    BufferedImage img = word(BufferedImage.TYPE_3BYTE_BGR, 90, 30);
    byte[] bgr = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
    Mat m = new Mat(30, 90, CvType.CV_8UC3);
    m.put(0, 0, bgr);
    assertThat(Preprocessor.toInput(m)).containsExactly(Preprocessor.toInput(img));
    Mat m16 = new Mat();
    m.convertTo(m16, CvType.CV_16UC3, 257);
    float[] a = Preprocessor.toInput(m16);
    float[] b = Preprocessor.toInput(img);
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).isCloseTo(b[i], within(1e-4f));
    }
    m.release();
    m16.release();
  }

  @Test
  void toInputPath_png_matchesDecodedImage() throws Exception {
    BufferedImage img = word(BufferedImage.TYPE_INT_RGB, 130, 45);
    Path f = dir.resolve("w.png");
    ImageIO.write(img, "png", f.toFile());
    float[] a = Preprocessor.toInput(f);
    float[] b = Preprocessor.toInput(img);
    for (int i = 0; i < a.length; i++) {
      assertThat(a[i]).isCloseTo(b[i], within(1e-4f));
    }
  }

  @Test
  void toInputPath_badFiles_throwNamingFile() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jpg"));
    assertThatThrownBy(() -> Preprocessor.toInput(empty)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("empty.jpg").hasMessageContaining("empty");
    Path junk = dir.resolve("junk.png");
    byte[] bytes = new byte[500];
    new Random(2).nextBytes(bytes);
    Files.write(junk, bytes);
    assertThatThrownBy(() -> Preprocessor.toInput(junk)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("junk.png");
    assertThatThrownBy(() -> Preprocessor.toInput(dir.resolve("none.png"))).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("none.png");
  }

  @Test
  void toInputPath_absurdDeclaredSize_refusedBeforeDecoding() throws Exception {
    Path bomb = dir.resolve("bomb.png");
    Files.write(bomb, pngHeader(30_000, 30_000));
    assertThatThrownBy(() -> Preprocessor.toInput(bomb)).isInstanceOf(RecognizerException.class)
        .hasMessageContaining("bomb.png").hasMessageContaining("30000x30000");
  }

  /** A PNG with a valid IHDR declaring w x h and no pixel data. */
  static byte[] pngHeader(int w, int h) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(out);
    d.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream c = new DataOutputStream(ihdr);
    c.writeBytes("IHDR");
    c.writeInt(w);
    c.writeInt(h);
    c.write(new byte[] {8, 0, 0, 0, 0});
    byte[] chunk = ihdr.toByteArray();
    d.writeInt(13);
    d.write(chunk);
    CRC32 crc = new CRC32();
    crc.update(chunk);
    d.writeInt((int) crc.getValue());
    d.writeInt(0);
    d.writeBytes("IEND");
    CRC32 end = new CRC32();
    end.update("IEND".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    d.writeInt((int) end.getValue());
    return out.toByteArray();
  }
}
