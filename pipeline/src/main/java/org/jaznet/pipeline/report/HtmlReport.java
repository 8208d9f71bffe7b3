package org.jaznet.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jaznet.recognizer.eval.Protocol;
import org.jaznet.synth.io.AtomicFiles;

/**
 * Writes one self-contained HTML page (thumbnails inlined as data URIs, so the file can be moved or
 * mailed) from a batch run's {@code results-*.jsonl} and {@code failures-*.jsonl}.
 */
public final class HtmlReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_THUMB_BYTES = 256 * 1024;

  /** One row of the report. */
  record Row(String source, String text, double confidence, String label, String reason) {
    boolean failed() {
      return reason != null;
    }

    Boolean correct() {
      return label == null || text == null ? null : Protocol.matches(text, label);
    }
  }

  /** Headline figures shown at the top of the page. */
  public record Summary(String title, long images, long failures, Double accuracy, double imagesPerSecond) {}

  private HtmlReport() {}

  /** Reads every results/failures JSONL file in {@code runDir}, sorted by source. */
  static List<Row> readRows(Path runDir) throws IOException {
    List<Row> rows = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(runDir)) {
      files = s.filter(p -> {
        String n = p.getFileName().toString();
        return n.endsWith(".jsonl") && (n.startsWith("results") || n.startsWith("failures"));
      }).sorted().toList();
    }
    for (Path f : files) {
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = JSON.readTree(line);
          rows.add(new Row(
              n.path("source").asText(""),
              n.hasNonNull("text") ? n.get("text").asText() : null,
              n.path("confidence").asDouble(Double.NaN),
              n.hasNonNull("label") ? n.get("label").asText() : null,
              n.hasNonNull("reason") ? n.get("reason").asText() : null));
        }
      }
    }
    rows.sort(Comparator.comparing(Row::source));
    return rows;
  }

  /**
   * Writes the report for the run in {@code runDir} to {@code out} (atomically).
   *
   * @param maxRows at most this many rows get a thumbnail row; failures are always listed
   */
  public static void write(Path runDir, Path out, Summary summary, int maxRows) throws IOException {
    List<Row> rows = readRows(runDir);
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(summary.title())).append("</title>\n<style>")
        .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
        .append("td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}")
        .append("img{height:32px;image-rendering:auto}.ok{color:#070}.bad{color:#b00}")
        .append(".fig{font-size:1.3em;margin-right:2em}</style></head><body>\n");
    h.append("<h1>").append(esc(summary.title())).append("</h1>\n<p>");
    h.append("<span class=fig>").append(summary.images()).append(" images</span>");
    h.append("<span class=fig>").append(summary.failures()).append(" failures</span>");
    if (summary.accuracy() != null) {
      h.append("<span class=fig>accuracy ")
          .append(String.format(Locale.ROOT, "%.1f %%", 100 * summary.accuracy())).append("</span>");
    }
    h.append("<span class=fig>").append(String.format(Locale.ROOT, "%.0f images/s", summary.imagesPerSecond()))
        .append("</span></p>\n<p>Accuracy uses the standard protocol: lowercase, only [0-9a-z], exact match.</p>\n");
    h.append("<h2>Predictions</h2>\n<table><tr><th>image</th><th>prediction</th><th>confidence</th>")
        .append("<th>label</th><th></th><th>source</th></tr>\n");
    int shown = 0;
    for (Row r : rows) {
      if (r.failed() || shown >= maxRows) {
        continue;
      }
      shown++;
      Boolean ok = r.correct();
      h.append("<tr><td>").append(thumbnail(r.source())).append("</td><td><b>").append(esc(r.text()))
          .append("</b></td><td>").append(Double.isNaN(r.confidence()) ? "" : String.format(Locale.ROOT, "%.2f", r.confidence()))
          .append("</td><td>").append(r.label() == null ? "" : esc(r.label())).append("</td><td>")
          .append(ok == null ? "" : ok ? "<span class=ok>&#10003;</span>" : "<span class=bad>&#10007;</span>")
          .append("</td><td><small>").append(esc(r.source())).append("</small></td></tr>\n");
    }
    h.append("</table>\n");
    if (shown < rows.stream().filter(r -> !r.failed()).count()) {
      h.append("<p>(first ").append(shown).append(" of the results shown)</p>\n");
    }
    h.append("<h2>Failures</h2>\n<table><tr><th>source</th><th>reason</th></tr>\n");
    for (Row r : rows) {
      if (r.failed()) {
        h.append("<tr><td>").append(esc(r.source())).append("</td><td>").append(esc(r.reason())).append("</td></tr>\n");
      }
    }
    h.append("</table>\n</body></html>\n");
    AtomicFiles.write(out.toAbsolutePath(), h.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String thumbnail(String source) {
    if (source.contains("!") || source.contains("#")) {
      return "";
    }
    Path p = Path.of(source);
    try {
      if (!Files.isRegularFile(p) || Files.size(p) > MAX_THUMB_BYTES) {
        return "";
      }
      String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
      String mime = name.endsWith(".png") ? "image/png" : name.endsWith(".gif") ? "image/gif"
          : name.endsWith(".bmp") ? "image/bmp" : "image/jpeg";
      return "<img alt=\"\" src=\"data:" + mime + ";base64,"
          + Base64.getEncoder().encodeToString(Files.readAllBytes(p)) + "\">";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }


  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

}
