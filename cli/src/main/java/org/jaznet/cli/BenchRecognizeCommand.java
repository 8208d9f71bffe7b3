package org.jaznet.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.bench.RecognizerBenchmark;
import org.jaznet.recognizer.model.Arch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jaznet bench recognize}: the network's speed on random inputs. Prints the contract lines
 * {@code train: <N> images/s}, {@code infer: <N> images/s}, {@code single: <N> ms}, then GFLOP/s.
 */
@Command(name = "recognize", mixinStandardHelpOptions = true,
    description = "Benchmark the recognizer network: training and inference images/s, single-image latency, GFLOP/s.")
final class BenchRecognizeCommand implements Callable<Integer> {
  @Option(names = "--arch", description = "trunk: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
  Arch arch = Arch.SMALL;

  @Option(names = "--heads", split = ",", description = "heads to put on the trunk (default: dict,char,ngram)")
  List<HeadKind> heads = List.of(HeadKind.DICT, HeadKind.CHAR, HeadKind.NGRAM);

  @Option(names = "--dict", description = "active DICT classes (default ${DEFAULT-VALUE}, the first incremental round)")
  int dict = 5_000;

  @Option(names = "--ngrams", description = "NGRAM vocabulary size (default ${DEFAULT-VALUE})")
  int ngrams = 10_000;

  @Option(names = {"--batch", "--batch-size"}, description = "batch size (default ${DEFAULT-VALUE})")
  int batch = 64;

  @Option(names = "--seconds", description = "measuring time per figure (default ${DEFAULT-VALUE})")
  double seconds = 10;

  @Option(names = "--seed", description = "seed of weights and inputs (default ${DEFAULT-VALUE})")
  long seed = 42;

  @Override
  public Integer call() {
    RecognizerBenchmark.Options o;
    try {
      o = new RecognizerBenchmark.Options(arch, EnumSet.copyOf(heads), dict, ngrams, batch, seconds, seed);
    } catch (IllegalArgumentException e) {
      System.err.println("jaznet bench recognize: " + e.getMessage());
      return 2;
    }
    RecognizerBenchmark.run(o).print(System.out);
    return 0;
  }
}
