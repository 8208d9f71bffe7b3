package org.jaznet.pipeline.synth;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import org.jaznet.synth.CaseMode;
import org.jaznet.synth.RecipeKind;
import org.jaznet.synth.SynthConfig;
import org.jaznet.synth.run.OutputFormat;
import org.jaznet.synth.run.RunConfig;

/**
 * A {@link SynthConfig} plus the parts of a {@link RunConfig} a shard needs, in a form that can be
 * shipped to workers (paths as strings).
 */
public record SynthSpec(long seed, String dictionary, String fontsDir, String backgroundsDir,
    double randomStringRatio, CaseMode caseMode, long count, String outDir, OutputFormat format,
    boolean charBoxes, double shortWordRatio, double numberRatio, double printRatio, boolean colour,
    RecipeKind recipe)
    implements Serializable {
  private static final long serialVersionUID = 3L;

  public SynthSpec {
    Objects.requireNonNull(caseMode, "caseMode");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(recipe, "recipe");
    if (format == OutputFormat.LMDB) {
      throw new IllegalArgumentException("LMDB output is written by one process; shard only MJSYNTH or TSV output");
    }
    if (count <= 0) {
      throw new IllegalArgumentException("count must be > 0, got " + count);
    }
  }

  /** A spec for grey images. */
  public SynthSpec(long seed, String dictionary, String fontsDir, String backgroundsDir,
      double randomStringRatio, CaseMode caseMode, long count, String outDir, OutputFormat format,
      boolean charBoxes, double shortWordRatio, double numberRatio, double printRatio) {
    this(seed, dictionary, fontsDir, backgroundsDir, randomStringRatio, caseMode, count, outDir, format, charBoxes,
        shortWordRatio, numberRatio, printRatio, false, RecipeKind.MJSYNTH);
  }

  /** A spec with {@code c}'s recipe named by {@code recipe} (a spec ships the name, not the parameters). */
  public static SynthSpec of(SynthConfig c, RunConfig r, RecipeKind recipe) {
    return new SynthSpec(c.seed(), c.dictionary().toString(), c.fontsDir().toString(), c.backgroundsDir().toString(),
        c.randomStringRatio(), c.caseMode(), r.count(), r.outDir().toAbsolutePath().normalize().toString(),
        r.format(), r.charBoxes(), c.shortWordRatio(), c.numberRatio(), c.printRatio(), c.colour(), recipe);
  }

  /** A spec of the MJSynth recipe. */
  public static SynthSpec of(SynthConfig c, RunConfig r) {
    return new SynthSpec(c.seed(), c.dictionary().toString(), c.fontsDir().toString(), c.backgroundsDir().toString(),
        c.randomStringRatio(), c.caseMode(), r.count(), r.outDir().toAbsolutePath().normalize().toString(),
        r.format(), r.charBoxes(), c.shortWordRatio(), c.numberRatio(), c.printRatio(), c.colour(),
        RecipeKind.MJSYNTH);
  }

  public SynthConfig synthConfig() {
    return new SynthConfig(seed, Path.of(dictionary), Path.of(fontsDir), Path.of(backgroundsDir), randomStringRatio, caseMode)
        .withShortWordRatio(shortWordRatio).withNumberRatio(numberRatio).withPrintRatio(printRatio)
        .withColour(colour).withRecipe(recipe.recipe());
  }

  /** The run config of one shard worker: resume semantics (images already on disk are kept). */
  public RunConfig runConfig() {
    return RunConfig.of(count, Path.of(outDir)).withFormat(format).withCharBoxes(charBoxes).withResume(true);
  }
}
