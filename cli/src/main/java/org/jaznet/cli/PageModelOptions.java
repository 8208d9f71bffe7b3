package org.jaznet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jaznet.pages.detect.DetectorKind;
import org.jaznet.pages.detect.WordDetector;
import org.jaznet.pages.detect.WordDetectors;
import org.jaznet.pipeline.batch.HeadSelection;
import org.jaznet.pipeline.batch.ModelSpec;
import org.jaznet.pipeline.batch.Models;
import org.jaznet.recognizer.Recognizer;
import org.jaznet.recognizer.RecognizerException;
import picocli.CommandLine.Option;

/**
 * The model options of the page commands ({@code read}, {@code eval-pages}, {@code bench pages}), mixed into each:
 * the recognizer ({@code --model}) and the scene detector ({@code --scene-model}), with their checks and loading.
 */
final class PageModelOptions {
  @Option(names = "--model", paramLabel = "M", description = "recognizer model file (default: the shipped default model)")
  Path model;

  @Option(names = "--scene-model", paramLabel = "M",
      description = "scene detector model file for --detector scene or auto (default: models/jaznet-scene-detector.zip)")
  Path sceneModel;

  /** False, after saying so on stderr as {@code command}, when {@code --scene-model} names no file. */
  boolean check(String command) {
    if (sceneModel != null && !Files.isRegularFile(sceneModel)) {
      System.err.println(command + ": --scene-model: no such file: " + sceneModel);
      return false;
    }
    return true;
  }

  /** The recognizer, reading the fast heads (all but NGRAM), as the batch pipeline does. */
  Recognizer recognizer() throws RecognizerException {
    ModelSpec spec = model == null ? ModelSpec.defaultModel() : ModelSpec.file(model.toString());
    return Models.get(spec.withHeads(HeadSelection.parse("fast")));
  }

  /** The word detector of {@code kind}, with the chosen scene model. */
  WordDetector detector(DetectorKind kind) {
    return WordDetectors.create(kind, sceneModel != null ? sceneModel : WordDetectors.defaultSceneModel());
  }
}
