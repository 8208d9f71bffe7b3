/**
 * Batch recognition as a Beam pipeline: {@link org.jaznet.pipeline.batch.ReadImages} expands input specs
 * into word references, {@link org.jaznet.pipeline.batch.RecognizeWords} decodes and reads them in
 * batches with one model per JVM, {@link org.jaznet.pipeline.batch.WriteResults} writes sharded results
 * and failures, {@link org.jaznet.pipeline.batch.ScoreAccuracy} scores labelled words.
 * {@link org.jaznet.pipeline.batch.BatchPipeline#run} runs it on any runner.
 */
package org.jaznet.pipeline.batch;
