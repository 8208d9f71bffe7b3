package org.jaznet.synth.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jaznet.synth.CharBox;

/**
 * {@code charboxes.jsonl}: one JSON object a line, in the dataset's index order:
 * <pre>{"path":"1/1/1_Word_42.jpg","text":"Word","boxes":[[x0,y0,x1,y1,x2,y2,x3,y3],...]}</pre>
 * one quadrilateral per UTF-16 character of {@code text} (corners top-left, top-right, bottom-right,
 * bottom-left, output pixel coordinates); {@code path} is as in {@code labels.tsv}.
 */
public final class CharBoxesJsonl {
  /** The file name written next to {@code labels.tsv}. */
  public static final String FILE_NAME = "charboxes.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CharBoxesJsonl() {}

  /** One image's boxes. */
  public record Entry(String path, String text, List<CharBox> boxes) {
    public Entry {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(text, "text");
      boxes = List.copyOf(boxes);
    }
  }

  /** The JSON line for one image, without the newline. */
  public static String line(Entry e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("path", e.path());
    o.put("text", e.text());
    ArrayNode boxes = o.putArray("boxes");
    for (CharBox b : e.boxes()) {
      boxes.addArray().add(b.x0()).add(b.y0()).add(b.x1()).add(b.y1())
          .add(b.x2()).add(b.y2()).add(b.x3()).add(b.y3());
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("cannot serialise the char boxes of " + e.path(), ex);
    }
  }

  /** Reads the entries lazily; close the stream. Bad lines surface as {@link UncheckedIOException} naming file and line. */
  public static Stream<Entry> read(Path file) throws IOException {
    long[] lineNo = {0};
    return TextLines.read(file).map(line -> {
      lineNo[0]++;
      return line.isBlank() ? null : parse(file, lineNo[0], line);
    }).filter(Objects::nonNull);
  }

  static Entry parse(Path file, long lineNo, String line) {
    try {
      JsonNode o = JSON.readTree(line);
      String text = o.path("text").asText(null);
      String path = o.path("path").asText(null);
      JsonNode boxes = o.path("boxes");
      if (text == null || path == null || !boxes.isArray() || boxes.size() != text.length()) {
        throw new IOException("expected path, text and one box per character");
      }
      List<CharBox> out = new ArrayList<>(boxes.size());
      for (int i = 0; i < boxes.size(); i++) {
        JsonNode q = boxes.get(i);
        if (!q.isArray() || q.size() != 8) {
          throw new IOException("box " + i + " must have 8 numbers");
        }
        out.add(new CharBox(text.charAt(i), q.get(0).floatValue(), q.get(1).floatValue(), q.get(2).floatValue(),
            q.get(3).floatValue(), q.get(4).floatValue(), q.get(5).floatValue(), q.get(6).floatValue(),
            q.get(7).floatValue()));
      }
      return new Entry(path, text, out);
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException(file + " line " + lineNo + ": " + e.getMessage(), e));
    }
  }
}
