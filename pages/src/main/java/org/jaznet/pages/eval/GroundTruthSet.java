package org.jaznet.pages.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jaznet.pages.PageBox;

/**
 * A page evaluation set: {@code DIR/words.jsonl}, one JSON object a line,
 * {@code {"image": "<file>", "words": [{"box": [x, y, w, h], "text": "<word>"}]}}, with the images under
 * {@code DIR/images/}. Blank lines are skipped. Text {@code "###"} marks an unreadable box to ignore.
 *
 * @param dir the set's directory
 * @param pages one entry per line of {@code words.jsonl}, in file order
 */
public record GroundTruthSet(Path dir, List<GroundTruth> pages) {
  public static final String WORDS_FILE = "words.jsonl";
  public static final String IMAGES_DIR = "images";
  private static final ObjectMapper JSON = new ObjectMapper();

  public GroundTruthSet {
    pages = List.copyOf(pages);
  }

  /** Number of page images. */
  public int size() {
    return pages.size();
  }

  /**
   * Reads {@code dir/words.jsonl}.
   *
   * @throws IOException naming the file (and line number for a malformed line) when it is missing,
   *     unreadable or not in the format above, or when an image it names does not exist
   */
  public static GroundTruthSet read(Path dir) throws IOException {
    Path file = dir.resolve(WORDS_FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("page ground truth " + file + " does not exist (expected DIR/" + WORDS_FILE
          + " with DIR/" + IMAGES_DIR + "/)");
    }
    List<GroundTruth> pages = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        pages.add(parseLine(dir, file, lineNo, line));
      }
    }
    return new GroundTruthSet(dir, pages);
  }

  private static GroundTruth parseLine(Path dir, Path file, int lineNo, String line) throws IOException {
    String where = file + " line " + lineNo;
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IOException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException(where + ": expected a JSON object {\"image\": ..., \"words\": [...]}");
    }
    JsonNode image = root.get("image");
    if (image == null || !image.isTextual() || image.asText().isBlank()) {
      throw new IOException(where + ": \"image\" must be a non-empty string");
    }
    Path imagePath = dir.resolve(IMAGES_DIR).resolve(image.asText());
    if (!Files.isRegularFile(imagePath)) {
      throw new IOException(where + ": image " + imagePath + " does not exist");
    }
    JsonNode words = root.get("words");
    if (words == null || !words.isArray()) {
      throw new IOException(where + ": \"words\" must be an array");
    }
    List<GroundTruth.Word> out = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      JsonNode w = words.get(i);
      String at = where + ", word " + i;
      if (!w.isObject()) {
        throw new IOException(at + ": expected {\"box\": [x, y, w, h], \"text\": ...}");
      }
      JsonNode box = w.get("box");
      if (box == null || !box.isArray() || box.size() != 4) {
        throw new IOException(at + ": \"box\" must be an array [x, y, w, h]");
      }
      int[] v = new int[4];
      for (int k = 0; k < 4; k++) {
        JsonNode n = box.get(k);
        if (!n.isNumber()) {
          throw new IOException(at + ": \"box\" values must be numbers, got " + box);
        }
        v[k] = (int) Math.round(n.asDouble());
      }
      if (v[0] < 0 || v[1] < 0 || v[2] <= 0 || v[3] <= 0) {
        throw new IOException(at + ": box " + box + " must have x, y >= 0 and w, h > 0");
      }
      JsonNode text = w.get("text");
      if (text == null || !text.isTextual()) {
        throw new IOException(at + ": \"text\" must be a string");
      }
      out.add(new GroundTruth.Word(new PageBox(v[0], v[1], v[2], v[3]), text.asText()));
    }
    return new GroundTruth(image.asText(), imagePath, out);
  }
}
