package org.jaznet.tests.reliability;

import java.nio.file.Path;
import org.jaznet.recognizer.RecognizerException;
import org.jaznet.recognizer.model.ModelFile;

/**
 * Child-JVM main: loads each model file argument, printing {@code <file> LOADED}, {@code <file> REFUSED
 * <reason>} or {@code <file> CRASH <throwable>}, then {@code END}. A native crash ends the JVM before END.
 */
public final class ModelLoadProbe {
  private ModelLoadProbe() {}

  public static void main(String[] args) {
    for (String a : args) {
      Path f = Path.of(a);
      try {
        ModelFile.load(f);
        System.out.println(f.getFileName() + " LOADED");
      } catch (RecognizerException e) {
        System.out.println(f.getFileName() + " REFUSED " + e.getMessage());
      } catch (Throwable t) {
        System.out.println(f.getFileName() + " CRASH " + t);
      }
      System.out.flush();
    }
    System.out.println("END");
  }
}
