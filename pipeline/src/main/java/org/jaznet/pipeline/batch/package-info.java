/**
 * Batch recognition as a Beam pipeline: {@link org.jaznet.pipeline.batch.ReadImages} expands input specs
 * into word references; {@link org.jaznet.pipeline.batch.RecognizeAndWrite} reads them in fixed groups,
 * in batches with one model per JVM ({@link org.jaznet.pipeline.batch.GroupReader}), and writes each
 * group's results and failures file as it goes; {@link org.jaznet.pipeline.batch.ScoreAccuracy} scores
 * labelled words. {@link org.jaznet.pipeline.batch.RecognizeWords} and
 * {@link org.jaznet.pipeline.batch.WriteResults} are the same reading and writing as separate transforms,
 * for pipelines of one's own. {@link org.jaznet.pipeline.batch.BatchPipeline#run} runs it on any runner.
 */
package org.jaznet.pipeline.batch;
