package org.jaznet.pages.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jaznet.pages.PageException;
import org.jaznet.pages.detect.scene.SceneDetector;
import org.jaznet.synth.ProjectPaths;

/** Creates the word detector {@code --detector} names. */
public final class WordDetectors {
  /** The shipped scene detector, under the project home. */
  public static final String DEFAULT_SCENE_MODEL = "models/jaznet-scene-detector.zip";

  private WordDetectors() {}

  /** The shipped scene detector's file. */
  public static Path defaultSceneModel() {
    return ProjectPaths.home().resolve(DEFAULT_SCENE_MODEL);
  }

  /** The detector with the shipped scene model (AUTO reads every page as a document when it is absent). */
  public static WordDetector create(DetectorKind kind) {
    return create(kind, defaultSceneModel());
  }

  /**
   * The detector {@code kind} with the scene model {@code sceneModel}.
   *
   * @throws IllegalArgumentException for SCENE when the model file is missing or cannot be loaded
   */
  public static WordDetector create(DetectorKind kind, Path sceneModel) {
    return switch (kind) {
      case DOC -> new DocDetector();
      case SCENE -> scene(sceneModel);
      case AUTO -> new AutoDetector(new DocDetector(), Files.isRegularFile(sceneModel) ? scene(sceneModel) : null);
    };
  }

  private static WordDetector scene(Path model) {
    if (!Files.isRegularFile(model)) {
      throw new IllegalArgumentException("no scene detector at " + model + " (train one with jaznet train-detector, or use --detector doc or auto)");
    }
    try {
      return SceneDetector.load(model);
    } catch (PageException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
