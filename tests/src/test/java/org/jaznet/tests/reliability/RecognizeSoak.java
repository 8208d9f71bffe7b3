package org.jaznet.tests.reliability;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jaznet.recognizer.HeadKind;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.model.Arch;
import org.jaznet.recognizer.model.JazNet;
import org.jaznet.recognizer.model.ModelSpec;

/**
 * Child-JVM main of the native-memory soak: recognizes batches of 64 word images until {@code args[0]}
 * recognitions or {@code args[1]} minutes, printing {@code RSS <done> <VmRSS kB> <VmHWM kB> <heap used>}
 * every {@code args[2]} recognitions and {@code DONE <n> <seconds>} at the end. The model is
 * {@code args[3]} if given, else an untrained all-heads SMALL net.
 */
public final class RecognizeSoak {
  private RecognizeSoak() {}

  public static void main(String[] args) throws Exception {
    long max = Long.parseLong(args[0]);
    double minutes = Double.parseDouble(args[1]);
    long every = Long.parseLong(args[2]);
    List<String> words = List.of("stone", "river", "light", "paper", "house", "water", "green", "table");
    List<String> grams = "abcdefghijklmnopqrstuvwxyz".chars().mapToObj(c -> String.valueOf((char) c)).toList();
    Recognizer r = args.length > 3 && Files.isRegularFile(Path.of(args[3])) ? Recognizer.load(Path.of(args[3]))
        : Recognizer.of(JazNet.create(ModelSpec.of(Arch.SMALL, EnumSet.allOf(HeadKind.class), words, grams), 2));
    List<BufferedImage> batch = new ArrayList<>();
    for (int i = 0; i < Recognizer.BATCH; i++) {
      batch.add(HostileCorpus.word(words.get(i % words.size())));
    }
    long t0 = System.nanoTime();
    long end = t0 + (long) (minutes * 60e9);
    long done = 0;
    long next = 0;
    while (done < max && System.nanoTime() < end) {
      r.recognizeAll(batch, words);
      done += batch.size();
      if (done >= next) {
        Runtime rt = Runtime.getRuntime();
        System.out.println("RSS " + done + " " + ChildJvm.rssKb(ProcessHandle.current().pid()) + " "
            + ChildJvm.peakRssKb(ProcessHandle.current().pid()) + " " + (rt.totalMemory() - rt.freeMemory()));
        System.out.flush();
        next += every;
      }
    }
    System.out.println("DONE " + done + " " + (System.nanoTime() - t0) / 1e9);
    r.close();
  }
}
