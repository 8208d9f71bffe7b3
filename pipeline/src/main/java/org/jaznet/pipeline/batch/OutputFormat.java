package org.jaznet.pipeline.batch;

/** How results and failures are written. */
public enum OutputFormat {
  /** {@code results-*.jsonl} and {@code failures-*.jsonl}, one JSON object a line. */
  JSONL,
  /** {@code results-*.csv} and {@code failures-*.csv}, with a header line. */
  CSV;

  String suffix() {
    return this == JSONL ? ".jsonl" : ".csv";
  }
}
