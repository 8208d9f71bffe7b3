package org.jaznet.pipeline.batch;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.TupleTag;
import org.jaznet.pipeline.io.WordRef;

/** The tagged outputs shared by the batch transforms, and the metric names. */
public final class BatchTags {
  public static final TupleTag<WordRef> REFS = new TupleTag<>() {};
  public static final TupleTag<WordResult> RESULTS = new TupleTag<>() {};
  public static final TupleTag<Failure> FAILURES = new TupleTag<>() {};

  /** Metric namespace; counters: images (words read), failures, bytes (file bytes read). */
  public static final String NAMESPACE = "jaznet";
  public static final String IMAGES = "images";
  public static final String FAILURE_COUNT = "failures";
  public static final String BYTES = "bytes";

  private BatchTags() {}

  static Counter counter(String name) {
    return Metrics.counter(NAMESPACE, name);
  }
}
