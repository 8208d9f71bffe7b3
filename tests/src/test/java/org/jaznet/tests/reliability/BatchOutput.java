package org.jaznet.tests.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The JSONL output of a batch run: every result and failure line, by source. */
record BatchOutput(List<String> resultSources, Map<String, List<String>> failureReasons) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static BatchOutput read(Path dir) throws IOException {
    List<String> results = new ArrayList<>();
    Map<String, List<String>> failures = new LinkedHashMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : (Iterable<Path>) s.sorted()::iterator) {
        String n = f.getFileName().toString();
        boolean result = n.startsWith("results-") && n.endsWith(".jsonl");
        boolean failure = n.startsWith("failures-") && n.endsWith(".jsonl");
        if (!result && !failure) {
          continue;
        }
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode o = JSON.readTree(line);
          if (result) {
            results.add(o.get("source").asText());
          } else {
            failures.computeIfAbsent(o.get("source").asText(), k -> new ArrayList<>()).add(o.get("reason").asText());
          }
        }
      }
    }
    return new BatchOutput(results, failures);
  }

  int failureCount() {
    return failureReasons.values().stream().mapToInt(List::size).sum();
  }
}
