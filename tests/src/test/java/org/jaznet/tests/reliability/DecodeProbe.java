package org.jaznet.tests.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jaznet.pipeline.io.ImageDecoder;
import org.jaznet.pipeline.io.ImageRejectedException;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.preprocess.Preprocessor;

/**
 * Child-JVM main for the small-heap checks: decodes each file argument with the pipeline's
 * {@link ImageDecoder} and the recognizer's {@link Preprocessor}, printing one line per file and decoder:
 * {@code DECODED}, {@code REFUSED <reason>} or {@code CRASH <throwable>}.
 */
public final class DecodeProbe {
  private DecodeProbe() {}

  public static void main(String[] args) throws Exception {
    System.out.println("MAXHEAP " + Runtime.getRuntime().maxMemory());
    for (String a : args) {
      Path f = Path.of(a);
      String name = f.getFileName().toString();
      try {
        ImageDecoder.decode(Files.readAllBytes(f));
        System.out.println("pipeline " + name + " DECODED");
      } catch (ImageRejectedException e) {
        System.out.println("pipeline " + name + " REFUSED " + e.getMessage());
      } catch (Throwable t) {
        System.out.println("pipeline " + name + " CRASH " + t);
      }
      try {
        Preprocessor.toInput(f);
        System.out.println("recognizer " + name + " DECODED");
      } catch (RecognizerException e) {
        System.out.println("recognizer " + name + " REFUSED " + e.getMessage());
      } catch (Throwable t) {
        System.out.println("recognizer " + name + " CRASH " + t);
      }
    }
    System.out.println("END");
  }
}
