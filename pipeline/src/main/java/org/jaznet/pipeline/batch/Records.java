package org.jaznet.pipeline.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.jaznet.recognizer.HeadKind;

/** Line encodings of results and failures (the output contract). Thread-safe. */
public final class Records {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** source, text, confidence, label, then text and score of every head in {@link HeadKind} order. */
  static final String RESULTS_CSV_HEADER = "source,text,confidence,label" + java.util.Arrays.stream(HeadKind.values())
      .map(h -> "," + h.name().toLowerCase(Locale.ROOT) + "_text," + h.name().toLowerCase(Locale.ROOT) + "_score")
      .collect(java.util.stream.Collectors.joining());
  static final String FAILURES_CSV_HEADER = "source,reason";

  private Records() {}

  /** One output line of a result in {@code format}. */
  public static String line(WordResult r, OutputFormat format) {
    return format == OutputFormat.JSONL ? json(r) : csv(r);
  }

  /** One output line of a failure in {@code format}. */
  public static String line(Failure f, OutputFormat format) {
    return format == OutputFormat.JSONL ? json(f) : csv(f);
  }

  /** The header line of a results file in {@code format}, or null (JSONL has none). */
  static String resultsHeader(OutputFormat format) {
    return format == OutputFormat.JSONL ? null : RESULTS_CSV_HEADER;
  }

  /** The header line of a failures file in {@code format}, or null (JSONL has none). */
  static String failuresHeader(OutputFormat format) {
    return format == OutputFormat.JSONL ? null : FAILURES_CSV_HEADER;
  }

  public static String json(WordResult r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("source", r.source());
    o.put("path", r.path());
    if (r.entry() != null) {
      o.put("entry", r.entry());
    }
    if (r.box() != null) {
      ArrayNode b = o.putArray("box");
      b.add(r.box().x()).add(r.box().y()).add(r.box().w()).add(r.box().h());
    }
    o.put("text", r.text());
    o.put("confidence", r.confidence());
    ObjectNode heads = o.putObject("perHead");
    for (Map.Entry<String, HeadReading> e : r.perHead().entrySet()) {
      heads.putObject(e.getKey()).put("text", e.getValue().text()).put("score", e.getValue().score());
    }
    if (r.label() != null) {
      o.put("label", r.label());
    }
    return write(o);
  }

  public static String json(Failure f) {
    ObjectNode o = JSON.createObjectNode();
    o.put("source", f.source());
    o.put("reason", f.reason());
    return write(o);
  }

  public static String csv(WordResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(quote(r.source())).append(',').append(quote(r.text())).append(',')
        .append(String.format(Locale.ROOT, "%.6f", r.confidence())).append(',')
        .append(r.label() == null ? "" : quote(r.label()));
    for (HeadKind head : HeadKind.values()) {
      HeadReading h = r.perHead().get(head.name());
      sb.append(',').append(h == null ? "" : quote(h.text()))
          .append(',').append(h == null ? "" : String.format(Locale.ROOT, "%.6f", h.score()));
    }
    return sb.toString();
  }

  public static String csv(Failure f) {
    return quote(f.source()) + "," + quote(f.reason());
  }

  static String quote(String s) {
    boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  private static String write(ObjectNode o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
