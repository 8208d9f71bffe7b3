package org.jaznet.synth.stage;

import java.util.List;
import java.util.random.RandomGenerator;
import org.jaznet.synth.SynthConfig.Recipe;
import org.jaznet.synth.canvas.Canvas;
import org.jaznet.synth.colour.BackdropLibrary;
import org.jaznet.synth.font.FontCatalog;

/**
 * Stages run in order. When a stage answers {@link StageOutcome#REDRAW}, the chain goes back to the
 * stage at {@code redrawFrom} (the colour stage in the default chain); after {@code maxRedraws}
 * redraws it sets {@link Canvas#fallbackColours} and runs once more, so every index yields a sample.
 * Immutable and thread-safe.
 */
public final class StageChain {
  private final List<Stage> stages;
  private final int redrawFrom;
  private final int maxRedraws;

  public StageChain(List<Stage> stages, int redrawFrom, int maxRedraws) {
    if (stages.isEmpty()) {
      throw new IllegalArgumentException("a chain needs at least one stage");
    }
    if (redrawFrom < 0 || redrawFrom >= stages.size()) {
      throw new IllegalArgumentException("redrawFrom must index a stage (0.." + (stages.size() - 1) + "), got "
          + redrawFrom);
    }
    if (maxRedraws < 0) {
      throw new IllegalArgumentException("maxRedraws must be >= 0, got " + maxRedraws);
    }
    this.stages = List.copyOf(stages);
    this.redrawFrom = redrawFrom;
    this.maxRedraws = maxRedraws;
  }

  /** The chain a recipe asks for: {@link #document} for a document recipe, else {@link #mjsynth}. */
  public static StageChain of(Recipe recipe, FontCatalog fonts, BackdropLibrary backdrops) {
    return recipe.isDocument() ? document(recipe, fonts) : mjsynth(recipe, fonts, backdrops);
  }

  /**
   * The printed-document chain ({@link Recipe#document()}): text -> skew -> crop -> paper and ink ->
   * scanner distortions -> PNG. Nothing in it asks for a redraw.
   *
   * @throws IllegalArgumentException if the recipe has no document look
   */
  public static StageChain document(Recipe recipe, FontCatalog fonts) {
    Recipe.DocumentLook look = recipe.documentLook().orElseThrow(
        () -> new IllegalArgumentException("the document chain needs a recipe with a document look"));
    List<Stage> s = List.of(
        new RenderTextStage(fonts, recipe),
        new SkewStage(look),
        new CropStage(recipe),
        new PaperStage(look),
        new ScanStage(recipe, look),
        new PngStage());
    return new StageChain(s, 0, 0);
  }

  /** The default MJSynth chain. */
  public static StageChain mjsynth(Recipe recipe, FontCatalog fonts, BackdropLibrary backdrops) {
    List<Stage> s = List.of(
        new RenderTextStage(fonts, recipe),
        new PerspectiveStage(recipe),
        new CropStage(recipe),
        new BorderShadowStage(recipe),
        new ColourStage(backdrops),
        new NaturalBlendStage(backdrops, recipe),
        new ComposeStage(recipe),
        new NoiseStage(recipe),
        new JpegStage(recipe));
    return new StageChain(s, 4, recipe.maxRedraws());
  }

  public List<Stage> stages() {
    return stages;
  }

  /** Runs the chain on a canvas that has been {@link Canvas#reset reset}; returns the redraws used. */
  public int run(Canvas canvas, RandomGenerator r) {
    int redraws = 0;
    int i = 0;
    while (i < stages.size()) {
      StageOutcome o = stages.get(i).apply(canvas, r);
      if (o == StageOutcome.REDRAW) {
        if (canvas.fallbackColours) {
          // The fallback colours are legible by construction; accept what we have.
          i++;
          continue;
        }
        redraws++;
        if (redraws > maxRedraws) {
          canvas.fallbackColours = true;
        }
        i = redrawFrom;
      } else {
        i++;
      }
    }
    return redraws;
  }
}
