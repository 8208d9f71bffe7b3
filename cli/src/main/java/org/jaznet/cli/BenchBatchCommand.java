package org.jaznet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jaznet.pipeline.batch.HeadSelection;
import org.jaznet.pipeline.batch.ModelSpec;
import org.jaznet.pipeline.bench.BatchBenchmark;
import org.jaznet.synth.ProjectPaths;
import org.jaznet.synth.SynthConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jaznet bench batch}: Beam's overhead over hand-written loops, on the same images. */
@Command(name = "batch", mixinStandardHelpOptions = true,
    description = {"Compare the batch pipeline's speed with plain loops over the same synthetic images.",
        "Arms: the library loop (1 thread), a threaded loop, the pipeline on all cores and on 1 worker.",
        "Prints images/s and the lines 'ratio pipeline/threaded: X' and 'ratio pipeline-1-worker/loop: Y' (targets >= 0.9)."})
final class BenchBatchCommand implements Callable<Integer> {
  @Option(names = "--count", defaultValue = "3000",
      description = "images per round (default 3000: the pipeline's fixed start-up and commit cost must be small beside the work)")
  int count;

  @Option(names = "--batch-size", defaultValue = "64", description = "images per forward pass (default 64)")
  int batchSize;

  @Option(names = "--threads", description = "threads of the threaded loop and pipeline workers (default: cores)")
  Integer threads;

  @Option(names = "--groups", defaultValue = "0", description = "the pipeline's --groups (default: the pipeline's default)")
  int groups;

  @Option(names = "--rounds", defaultValue = "3",
      description = "interleaved rounds of the four arms; ratios are medians of the per-round ratios (default 3)")
  int rounds;

  @Option(names = "--model", description = "model file (default: the default model)")
  Path model;

  @Option(names = "--dictionary", description = "word list for the synthetic images (default: dictionaries/en-90k.txt)")
  Path dictionary;

  @Option(names = "--heads", defaultValue = "fast", paramLabel = "H",
      description = "heads to read, as in jaznet batch: fast (default), all, or a list such as ctc,char,dict")
  String heads;

  @Option(names = "--seed", defaultValue = "7", description = "synthetic data seed (default 7)")
  long seed;

  @Override
  public Integer call() throws Exception {
    SynthConfig synth = SynthConfig.defaults(seed);
    if (dictionary != null) {
      synth = synth.withDictionary(dictionary);
    }
    if (!Files.isRegularFile(synth.dictionary())) {
      System.err.println("jaznet bench batch: word list " + synth.dictionary() + " does not exist (--dictionary FILE)"
          + " [home " + ProjectPaths.home() + "]");
      return 2;
    }
    if (model != null && !Files.isRegularFile(model)) {
      System.err.println("jaznet bench batch: model file " + model + " does not exist");
      return 2;
    }
    HeadSelection selection;
    try {
      selection = HeadSelection.parse(heads);
    } catch (IllegalArgumentException e) {
      System.err.println("jaznet bench batch: --heads: " + e.getMessage());
      return 2;
    }
    int cores = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    try {
      BatchBenchmark.run(new BatchBenchmark.Config(count, batchSize, cores,
          (model == null ? ModelSpec.defaultModel() : ModelSpec.file(model.toString())).withHeads(selection), synth,
          groups, rounds), System.out);
    } catch (IllegalArgumentException | org.jaznet.recognizer.RecognizerException e) {
      System.err.println("jaznet bench batch: " + e.getMessage());
      return 2;
    }
    return 0;
  }
}
