package org.jaznet.recognizer.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.HeadResult;
import org.jaznet.recognizer.Recognition;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.head.CompiledLexicon;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.preprocess.Preprocessor;

/**
 * Evaluates a recognizer on a labelled dataset under the standard {@link Protocol}: for every head its
 * unconstrained reading and (with a lexicon) its lexicon-constrained reading, and the fused reading in
 * both modes. Images that cannot be read count as wrong and are listed as failures; labels with no
 * character left after normalisation are skipped (they cannot be read under the protocol).
 */
public final class Evaluator {
  private static final int CHUNK = 256;

  private Evaluator() {}

  /**
   * @param lexicon words to constrain to, or null for none
   * @param lexiconName how the report names the lexicon (e.g. its file)
   * @param threads threads decoding and preprocessing images
   * @param progress told the number of images done after each chunk (may be null)
   */
  public static EvalReport evaluate(Recognizer recognizer, LabelledDataset data, List<String> lexicon,
      String lexiconName, int threads, IntConsumer progress) throws RecognizerException, InterruptedException {
    long t0 = System.nanoTime();
    EnumSet<HeadKind> heads = EnumSet.copyOf(recognizer.heads());
    CompiledLexicon compiled = lexicon == null ? null : recognizer.compileLexicon(lexicon);
    int lexiconSize = compiled == null ? 0 : compiled.size();
    List<Integer> items = new ArrayList<>();
    int skipped = 0;
    for (int i = 0; i < data.size(); i++) {
      if (Protocol.normalise(data.label(i)).isEmpty()) {
        skipped++;
      } else {
        items.add(i);
      }
    }
    if (skipped > 0) {
      org.slf4j.LoggerFactory.getLogger(Evaluator.class).warn(
          "{}: {} label(s) have no [0-9a-z] character and are skipped", data.name(), skipped);
    }
    Map<HeadKind, int[]> right = new EnumMap<>(HeadKind.class);
    for (HeadKind h : heads) {
      right.put(h, new int[4]);
    }
    int[] fusedRight = new int[4];
    List<EvalReport.Failure> failures = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "eval-decode");
      t.setDaemon(true);
      return t;
    });
    try {
      for (int from = 0; from < items.size(); from += CHUNK) {
        int m = Math.min(CHUNK, items.size() - from);
        List<Future<float[]>> fs = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
          int item = items.get(from + j);
          fs.add(pool.submit(() -> Preprocessor.toInput(data.image(item))));
        }
        List<float[]> inputs = new ArrayList<>(m);
        List<String> labels = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
          int item = items.get(from + j);
          try {
            inputs.add(fs.get(j).get());
            labels.add(data.label(item));
          } catch (ExecutionException e) {
            Throwable c = e.getCause();
            String msg = c.getMessage() == null ? c.toString() : c.getMessage();
            failures.add(new EvalReport.Failure(data.id(item), msg));
          }
        }
        float[][] batch = inputs.toArray(new float[0][]);
        List<Recognition> free = recognizer.recognizePreprocessed(batch, null);
        List<Recognition> constrained = compiled == null ? null : recognizer.recognizePreprocessed(batch, compiled);
        for (int j = 0; j < batch.length; j++) {
          String label = labels.get(j);
          Recognition f = free.get(j);
          for (HeadKind h : heads) {
            HeadResult hr = f.perHead().get(h);
            if (hr != null) {
              count(right.get(h), hr.text(), label);
            }
            if (constrained != null) {
              HeadResult lr = constrained.get(j).perHead().get(h);
              if (lr != null && Protocol.matches(lr.lexiconText(), label)) {
                right.get(h)[1]++;
              }
            }
          }
          count(fusedRight, f.text(), label);
          if (constrained != null && Protocol.matches(constrained.get(j).text(), label)) {
            fusedRight[1]++;
          }
        }
        if (progress != null) {
          progress.accept(from + m);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    int n = items.size();
    Map<String, Accuracy> table = new LinkedHashMap<>();
    for (HeadKind h : heads) {
      table.put(JazNet.outputName(h), accuracy(right.get(h), n, compiled != null));
    }
    table.put("fused", accuracy(fusedRight, n, compiled != null));
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new EvalReport(data.name(), n, table, compiled == null ? null : lexiconName, lexiconSize, failures,
        n / Math.max(1e-9, seconds));
  }

  /** Counts an unconstrained reading under the three protocols: [0] standard, [2] cased, [3] full. */
  private static void count(int[] right, String read, String label) {
    if (Protocol.matches(read, label)) {
      right[0]++;
    }
    if (Protocol.matchesCased(read, label)) {
      right[2]++;
    }
    if (Protocol.matchesFull(read, label)) {
      right[3]++;
    }
  }

  private static Accuracy accuracy(int[] right, int n, boolean lexicon) {
    double d = Math.max(1, n);
    return new Accuracy(right[0] / d, lexicon ? right[1] / d : null, right[2] / d, right[3] / d);
  }
}
