package org.jaznet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import javax.imageio.ImageIO;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.head.NgramVocabulary;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelFile;
import org.jaznet.recognizer.model.ModelSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval and recognize commands' output contracts, on a real (untrained) model file. */
class EvalRecognizeCommandTest {
  static final List<String> WORDS = List.of("exit", "open", "taxi");
  @TempDir static Path dir;
  static Path model;

  @BeforeAll
  static void modelAndImages() throws Exception {
    ModelSpec spec = ModelSpec.of(Arch.SMALL, EnumSet.allOf(HeadKind.class), WORDS,
        NgramVocabulary.build(WORDS, 30).grams());
    model = dir.resolve("m.zip");
    ModelFile.save(JazNet.create(spec, 1), model);
    Files.createDirectories(dir.resolve("data/images"));
    for (int i = 0; i < 3; i++) {
      BufferedImage img = new BufferedImage(80, 32, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 80, 32);
      g.setColor(Color.BLACK);
      g.drawString(WORDS.get(i).toUpperCase(), 5, 22);
      g.dispose();
      ImageIO.write(img, "png", dir.resolve("data/images/" + i + ".png").toFile());
    }
    Files.writeString(dir.resolve("data/labels.tsv"), "0.png\tEXIT\n1.png\tOpen\n2.png\ttaxi\n");
    Files.writeString(dir.resolve("lex.txt"), String.join("\n", WORDS) + "\n");
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = JaznetCli.commandLine().execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void eval_withLexiconAndJson_writesContractJson() throws Exception {
    Path json = dir.resolve("out/e.json");
    Path md = dir.resolve("out/e.md");
    Run r = run("eval", "--model", model.toString(), "--data", dir.resolve("data").toString(),
        "--lexicon", dir.resolve("lex.txt").toString(), "--json", json.toString(), "--markdown", md.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertThat(root.fieldNames()).toIterable().containsExactly("dataset", "n", "heads");
    assertThat(root.get("n").asInt()).isEqualTo(3);
    assertThat(root.get("heads").fieldNames()).toIterable().containsExactly("dict", "char", "ngram", "ctc", "fused");
    for (JsonNode h : root.get("heads")) {
      assertThat(h.get("unconstrained").asDouble()).isBetween(0.0, 1.0);
      assertThat(h.get("lexicon").isNumber()).isTrue();
    }
    assertThat(Files.readString(md)).contains("| fused |");
    assertThat(r.out()).contains("| head | unconstrained | lexicon |");
  }

  @Test
  void eval_noLexicon_lexiconNull() throws Exception {
    Path json = dir.resolve("out/n.json");
    Run r = run("eval", "--model", model.toString(), "--data", dir.resolve("data").toString(), "--json", json.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(new ObjectMapper().readTree(json.toFile()).get("heads").get("char").get("lexicon").isNull()).isTrue();
  }

  @Test
  void eval_languageModelOptions_sameContractAndBadOrderNamed() throws Exception {
    for (String[] opts : List.of(new String[] {"--no-lm"}, new String[] {"--lm-weight", "1.5", "--lm-bonus", "0.5",
        "--lm-order", "3", "--lm-only", "--lm-words", dir.resolve("lex.txt").toString()})) {
      Path json = dir.resolve("out/lm-" + opts.length + ".json");
      List<String> args = new java.util.ArrayList<>(List.of("eval", "--model", model.toString(), "--data",
          dir.resolve("data").toString(), "--json", json.toString()));
      args.addAll(List.of(opts));
      Run r = run(args.toArray(String[]::new));
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(new ObjectMapper().readTree(json.toFile()).get("heads").get("fused").get("unconstrained").asDouble())
          .isBetween(0.0, 1.0);
    }
    Run bad = run("eval", "--model", model.toString(), "--data", dir.resolve("data").toString(), "--lm-order", "9");
    assertThat(bad.exit()).isEqualTo(1);
    assertThat(bad.err()).contains("--lm-order").contains("[2, 6]");
  }

  @Test
  void eval_missingDataset_exitOneNamingIt() {
    Run r = run("eval", "--model", model.toString(), "--data", dir.resolve("nope").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("nope");
  }

  @Test
  void recognize_oneBadImage_printsOthersAndExitsOne() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.png"), "not an image");
    Path good = dir.resolve("data/images/0.png");
    Run r = run("recognize", "--model", model.toString(), good.toString(), bad.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains(bad.toString());
    String[] fields = r.out().strip().split("\t");
    assertThat(fields).hasSize(3);
    assertThat(fields[0]).isEqualTo(good.toString());
    assertThat(Double.parseDouble(fields[2])).isBetween(0.0, 1.0);
  }

  @Test
  void train_badArguments_exitTwoWithMessage() {
    Run r = run("train", "--out", dir.resolve("t.zip").toString(), "--dictionary", dir.resolve("lex.txt").toString(),
        "--batch", "0");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("batch must be in [1, 4096], got 0");
    Run missing = run("train", "--out", dir.resolve("t.zip").toString(), "--data", dir.resolve("none").toString(),
        "--dictionary", dir.resolve("lex.txt").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("none");
  }
}
