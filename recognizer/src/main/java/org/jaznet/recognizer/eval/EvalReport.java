package org.jaznet.recognizer.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one evaluation: the head x mode table plus the fused reading.
 *
 * @param dataset the dataset's name
 * @param n images evaluated (unreadable images count, as wrong)
 * @param heads rows keyed by lowercase head name ({@code dict}, {@code char}, {@code ngram}) and
 *     {@code fused}, in that order
 * @param lexiconName the lexicon file (or a description), or null when none was given
 * @param lexiconSize words in the lexicon (0 when none)
 * @param failures images that could not be read: id and reason
 * @param imagesPerSecond recognition throughput (reading and decoding included)
 */
public record EvalReport(String dataset, int n, Map<String, Accuracy> heads, String lexiconName, int lexiconSize,
    List<Failure> failures, double imagesPerSecond) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An image that could not be evaluated. */
  public record Failure(String id, String reason) {}

  public EvalReport {
    heads = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(heads));
    failures = List.copyOf(failures);
  }

  /**
   * The contract JSON: {@code {"dataset": str, "n": int, "heads": {"<head>": {"unconstrained": f,
   * "lexicon": f or null, "cased": f, "full": f}, ..., "fused": {...}}}}.
   */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("dataset", dataset);
    root.put("n", n);
    ObjectNode hs = root.putObject("heads");
    for (Map.Entry<String, Accuracy> e : heads.entrySet()) {
      ObjectNode h = hs.putObject(e.getKey());
      h.put("unconstrained", e.getValue().unconstrained());
      if (e.getValue().lexicon() == null) {
        h.putNull("lexicon");
      } else {
        h.put("lexicon", e.getValue().lexicon());
      }
      h.put("cased", e.getValue().cased());
      h.put("full", e.getValue().full());
    }
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One Markdown table, head x mode, with the protocol and the lexicon named. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "### %s (n = %d)%n%n", dataset, n));
    sb.append("Word accuracy, standard protocol (").append(Protocol.DESCRIPTION).append("). Lexicon: ")
        .append(lexiconName == null ? "none" : lexiconName + " (" + lexiconSize + " words)").append(".\n\n");
    sb.append("Cased: ").append(Protocol.CASED_DESCRIPTION).append("; full: ").append(Protocol.FULL_DESCRIPTION)
        .append(" (both unconstrained).\n\n");
    sb.append("| head | unconstrained | lexicon | cased | full |\n|---|---:|---:|---:|---:|\n");
    for (Map.Entry<String, Accuracy> e : heads.entrySet()) {
      Accuracy a = e.getValue();
      sb.append(String.format(Locale.ROOT, "| %s | %.1f %% | %s | %.1f %% | %.1f %% |%n", e.getKey(),
          100 * a.unconstrained(), a.lexicon() == null ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * a.lexicon()),
          100 * a.cased(), 100 * a.full()));
    }
    if (!failures.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "%n%d image(s) could not be read (counted as wrong):%n", failures.size()));
      for (Failure f : failures) {
        sb.append("- `").append(f.id()).append("`: ").append(f.reason()).append('\n');
      }
    }
    return sb.toString();
  }
}
