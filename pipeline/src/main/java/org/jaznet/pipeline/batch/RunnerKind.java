package org.jaznet.pipeline.batch;

import java.util.Locale;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.runners.spark.SparkCommonPipelineOptions;
import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.runners.spark.SparkRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/** The Beam runners jaznet's pipelines are run on. */
public enum RunnerKind {
  /** Beam's embedded runner (default): one JVM, {@code workers} threads. */
  DIRECT("DirectRunner"),
  /** Apache Flink: an embedded local cluster, or a real one via {@code --flinkMaster=host:port}. */
  FLINK("FlinkRunner"),
  /**
   * Apache Spark 3 (3.5): a local Spark in this JVM ({@code local[workers]}), a cluster via
   * {@code --sparkMaster=spark://host:7077}, or the master that {@code spark-submit} sets.
   */
  SPARK("SparkRunner");

  private final String beamName;

  RunnerKind(String beamName) {
    this.beamName = beamName;
  }

  public String beamName() {
    return beamName;
  }

  /** Accepts Beam's names ({@code DirectRunner}) and the short ones ({@code direct}), any case. */
  public static RunnerKind parse(String s) {
    String n = s.strip().toLowerCase(Locale.ROOT);
    for (RunnerKind k : values()) {
      if (n.equals(k.beamName.toLowerCase(Locale.ROOT)) || n.equals(k.name().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown runner '" + s + "': expected DirectRunner, FlinkRunner or SparkRunner");
  }

  /**
   * Sets this runner and its parallelism on the options. The DirectRunner's immutability and
   * encodability checks are switched off: they re-encode every element (a test-time aid that costs
   * throughput); the tests run with them on.
   */
  public void configure(PipelineOptions o, int workers) {
    if (workers <= 0) {
      throw new IllegalArgumentException("workers must be > 0, got " + workers);
    }
    switch (this) {
      case DIRECT -> {
        o.setRunner(DirectRunner.class);
        DirectOptions d = o.as(DirectOptions.class);
        d.setTargetParallelism(workers);
        d.setEnforceImmutability(false);
        d.setEnforceEncodability(false);
      }
      case FLINK -> {
        o.setRunner(FlinkRunner.class);
        FlinkPipelineOptions f = o.as(FlinkPipelineOptions.class);
        if (f.getParallelism() == null || f.getParallelism() <= 0) {
          f.setParallelism(workers);
        }
      }
      case SPARK -> {
        o.setRunner(SparkRunner.class);
        SparkPipelineOptions s = o.as(SparkPipelineOptions.class);
        // Beam's default master is local[4]; an explicit --sparkMaster (or spark-submit's spark.master) wins
        if (SparkCommonPipelineOptions.DEFAULT_MASTER_URL.equals(s.getSparkMaster())) {
          s.setSparkMaster("local[" + workers + "]");
        }
      }
    }
  }
}
