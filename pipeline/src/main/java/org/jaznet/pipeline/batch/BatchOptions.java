package org.jaznet.pipeline.batch;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Options of the batch recognition pipeline (plus any runner's own options). */
public interface BatchOptions extends PipelineOptions {
  @Description("Input: a glob ('dir/**/*.{png,jpg}'), a .zip/.tar/.tar.gz archive, or a .csv/.jsonl manifest")
  String getInput();

  void setInput(String value);

  @Description("Output directory for results-*.jsonl, failures-*.jsonl and accuracy.tsv")
  String getOutput();

  void setOutput(String value);

  @Description("Model file; the default model in models/ when absent")
  String getModel();

  void setModel(String value);

  @Description("Heads to read: fast (every head but those that search the whole dictionary, i.e. NGRAM), all, or a list such as ctc,char,dict")
  @Default.String("fast")
  String getHeads();

  void setHeads(String value);

  @Description("Whether the fused reading uses the recognizer's character language model (false: the heads alone)")
  @Default.Boolean(true)
  boolean getLanguageModel();

  void setLanguageModel(boolean value);

  @Description("Images per forward pass")
  @Default.Integer(64)
  int getBatchSize();

  void setBatchSize(int value);

  @Description("Groups the words are spread over: bounds the parallelism, fixes the batches across runners, one results and one failures file each")
  @Default.Integer(16)
  int getGroups();

  void setGroups(int value);

  @Description("Labels file: path<TAB>label per line")
  String getLabels();

  void setLabels(String value);

  @Description("Output format: JSONL or CSV")
  @Default.Enum("JSONL")
  OutputFormat getFormat();

  void setFormat(OutputFormat value);
}
