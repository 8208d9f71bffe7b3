package org.jaznet.pipeline.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses manifest lines into {@link WordRef}s. CSV: {@code path[,x,y,w,h][,label]} (double quotes
 * allowed; an optional header line whose first field is {@code path}, {@code image} or {@code file}).
 * JSONL: {@code {"image": "p.png", "box": [x,y,w,h], "label": "text"}} ({@code path} may replace
 * {@code image}; {@code box} may be an object with x, y, w, h). Relative image paths are resolved
 * against the manifest's directory; {@code archive.zip!entry.png} names an archive entry.
 * Blank lines and lines starting with {@code #} are not inputs.
 */
public final class ManifestParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ManifestParser() {}

  /** Whether a line carries no input (blank, comment, or a CSV header). */
  public static boolean isIgnorable(String line, boolean csv, boolean firstLine) {
    String s = line.strip();
    if (s.isEmpty() || s.startsWith("#")) {
      return true;
    }
    if (csv && firstLine) {
      List<String> fields;
      try {
        fields = splitCsv(s);
      } catch (IllegalArgumentException e) {
        return false; // not a header: parseCsv reports what is wrong with it
      }
      String first = fields.get(0).strip().toLowerCase(Locale.ROOT);
      return first.equals("path") || first.equals("image") || first.equals("file");
    }
    return false;
  }

  /** One CSV line; the exception message is the failure reason. */
  public static WordRef parseCsv(String line, Path baseDir) {
    List<String> f = splitCsv(line.strip());
    WordRef ref;
    switch (f.size()) {
      case 1, 2 -> ref = image(f.get(0), baseDir);
      case 5, 6 -> ref = image(f.get(0), baseDir).withBox(box(f.get(1), f.get(2), f.get(3), f.get(4)));
      default -> throw new IllegalArgumentException(
          "expected 1, 2, 5 or 6 fields (path[,x,y,w,h][,label]), got " + f.size());
    }
    if (f.size() == 2 || f.size() == 6) {
      ref = ref.withLabel(f.get(f.size() - 1));
    }
    return ref;
  }

  /** One JSONL line; the exception message is the failure reason. */
  public static WordRef parseJson(String line, Path baseDir) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode img = n.has("image") ? n.get("image") : n.get("path");
    if (img == null || !img.isTextual()) {
      throw new IllegalArgumentException("missing \"image\" (or \"path\") string field");
    }
    WordRef ref = image(img.asText(), baseDir);
    JsonNode b = n.get("box");
    if (b != null && !b.isNull()) {
      if (b.isArray() && b.size() == 4) {
        ref = ref.withBox(box(b.get(0).asText(), b.get(1).asText(), b.get(2).asText(), b.get(3).asText()));
      } else if (b.isObject() && b.has("x") && b.has("y") && b.has("w") && b.has("h")) {
        ref = ref.withBox(box(b.get("x").asText(), b.get("y").asText(), b.get("w").asText(), b.get("h").asText()));
      } else {
        throw new IllegalArgumentException("\"box\" must be [x,y,w,h] or {x,y,w,h}, got " + b);
      }
    }
    JsonNode l = n.get("label");
    if (l != null && !l.isNull()) {
      if (!l.isTextual()) {
        throw new IllegalArgumentException("\"label\" must be a string, got " + l);
      }
      ref = ref.withLabel(l.asText());
    }
    return ref;
  }

  private static WordRef image(String spec, Path baseDir) {
    String s = spec.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty image path");
    }
    int bang = s.indexOf('!');
    String file = bang < 0 ? s : s.substring(0, bang);
    String p = baseDir.resolve(file).toAbsolutePath().normalize().toString();
    if (bang < 0) {
      return WordRef.file(p);
    }
    if (ArchiveKind.ofName(file).isEmpty()) {
      throw new IllegalArgumentException("'" + file + "' before '!' is not a .zip, .tar, .tar.gz or .tgz archive");
    }
    return WordRef.entry(p, s.substring(bang + 1), -1);
  }

  private static Box box(String x, String y, String w, String h) {
    return new Box(integer(x, "x"), integer(y, "y"), integer(w, "w"), integer(h, "h"));
  }

  private static int integer(String s, String name) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("box " + name + " '" + s.strip() + "' is not an integer");
    }
  }

  static List<String> splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unclosed double quote");
    }
    out.add(cur.toString());
    return out;
  }
}
