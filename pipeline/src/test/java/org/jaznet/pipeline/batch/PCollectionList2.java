package org.jaznet.pipeline.batch;

import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/** Flattens two failure collections (test helper). */
final class PCollectionList2 {
  private PCollectionList2() {}

  static PCollection<Failure> flatten(PCollection<Failure> a, PCollection<Failure> b) {
    return PCollectionList.of(a).and(b).apply("AllFailures", Flatten.pCollections());
  }
}
